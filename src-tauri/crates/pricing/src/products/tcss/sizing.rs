//! The exact licence sizing under commitments (rule TCSS-PRO-3): the cheapest licence path as
//! a minimum-cost flow, ties broken on the optimal face, the elastic cap and the rule that
//! cores are bought only when the licence rises settled by branch and bound.
//!
//! Every figure is a whole number: counts are whole (rule GEN-7), and prices are scaled to one
//! common number of decimals, so costs are exact integers (`i128`) and compare exactly as the
//! decimals do. Nothing here is rounded and no float is used.
//!
//! **The model.** A licence path is a set of blocks of cores: a block is bought in month s
//! (term × price of s, rule TCSS-PRO-3), covers s … s + term − 1 without further charge, is
//! then renewed month by month (that month's price) and is dropped at a renewal. The level
//! of a month is the number of blocks covering it. In a network with a node N_t before each
//! month t and a node R_k for the blocks past their commitment at month k, a block is a unit
//! of flow N_s → R_{s+term} (the purchase) → R_{s+term+1} … (renewals) → N_{e+1} (the drop),
//! sent back through the months it covers by the arcs N_{t+1} → N_t, whose flow is the level
//! L_t and whose cost is the month's overage: convex and decreasing in L_t without a cap,
//! so it splits into parallel arcs of increasing marginal cost. A month without prices has
//! no purchase and no renewal arc: its level is exactly the cores still committed. Every
//! licence path is such a circulation with the same charges; the converse needs two more
//! things, settled by branch and bound below: a circulation may buy cores in a month that
//! drops others (the rule buys only when the licence rises), and under an elastic cap the
//! overage is not convex (flat up to cores − cap), so the arcs carry a convex function below
//! it.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::rules::SizingMonth;

/// Branch and bound stops after this many subproblems and falls back to the best path it
/// has priced (see [`exact_levels`]); the property tests never come near it. A subproblem
/// takes time about in proportion to the square of the months, so longer horizons get
/// fewer: [`WORK`] ÷ months², at least 2.
const MAX_SUBPROBLEMS: usize = 400;
const WORK: usize = 2_000_000;

/// What one count of a month (its ordinary or its peak cores) adds to the month's overage,
/// as a function of the level L: `weight` × min(max(0, cores − L), cap), where `weight` is
/// the daily price × the charged days.
#[derive(Debug, Clone, Copy)]
struct Count {
    cores: i128,
    weight: i128,
}

/// How a subproblem treats one count whose cap bites (cores > cap): the convex function
/// below it, or the level held at or below cores − cap (overage flat), or at or above it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Regime {
    Below,
    Low,
    High,
}

/// One month in whole numbers.
#[derive(Debug, Clone)]
struct Month {
    /// The prepaid price per core-month, scaled; `None` for a month without prices.
    prepaid: Option<i128>,
    counts: Vec<Count>,
}

/// The problem in whole numbers.
struct Problem {
    months: Vec<Month>,
    term: usize,
    cap: Option<i128>,
    /// The most cores in use in any month: no level goes above it (rule TCSS-PRO-3 sizes
    /// between 0 and the most cores in use).
    most: i128,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Purchase,
    Renewal,
    Drop,
    Level,
}

#[derive(Debug, Clone, Copy)]
struct Arc {
    to: usize,
    /// Residual capacity.
    cap: i128,
    /// Cost per unit towards the total (the reverse arc carries its negation).
    cost: i128,
    month: usize,
    kind: Kind,
}

struct Graph {
    arcs: Vec<Arc>,
    out: Vec<Vec<usize>>,
    /// Per pair of arcs (index / 2): fixed by an earlier stage of the tie-break.
    frozen: Vec<bool>,
}

impl Graph {
    fn new(nodes: usize) -> Self {
        Graph {
            arcs: Vec::new(),
            out: vec![Vec::new(); nodes],
            frozen: Vec::new(),
        }
    }

    fn add(&mut self, from: usize, to: usize, cap: i128, cost: i128, month: usize, kind: Kind) {
        if cap <= 0 {
            return;
        }
        let id = self.arcs.len();
        self.arcs.push(Arc {
            to,
            cap,
            cost,
            month,
            kind,
        });
        self.arcs.push(Arc {
            to: from,
            cap: 0,
            cost: -cost,
            month,
            kind,
        });
        self.out[from].push(id);
        self.out[to].push(id + 1);
        self.frozen.push(false);
    }

    fn from(&self, a: usize) -> usize {
        self.arcs[a ^ 1].to
    }

    /// The flow on an arc as added.
    fn flow(&self, a: usize) -> i128 {
        self.arcs[a | 1].cap
    }

    fn push(&mut self, a: usize, amount: i128) {
        self.arcs[a].cap -= amount;
        self.arcs[a ^ 1].cap += amount;
    }
}

/// The constraints a subproblem of the branch and bound adds.
#[derive(Debug, Clone, Default)]
struct Branch {
    /// Months that buy nothing.
    no_purchase: Vec<usize>,
    /// Months that drop no cores.
    no_drop: Vec<usize>,
    /// Counts (month, which) held to a regime.
    regimes: Vec<(usize, usize, Regime)>,
}

/// A subproblem's cheapest circulation, as the rule ranks paths: total, then charges month
/// by month, then levels (all over the convex functions below the capped overage).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    total: i128,
    charges: Vec<i128>,
    levels: Vec<i128>,
}

struct Solved {
    key: Key,
    /// The first month where the circulation is not a licence path of the rule, or where a
    /// capped overage is below the real one, and how to split there.
    split: Option<(Branch, Branch)>,
}

/// A piece of a month's overage function: defined on [lo, hi], decreasing by `slopes`
/// (each (end, slope): the marginal cost of the units below `end`, from the previous end).
struct Piece {
    lo: i128,
    hi: i128,
    slopes: Vec<(i128, i128)>,
}

impl Problem {
    /// The whole-number problem, or `None` when a figure is not whole or a sum could leave
    /// the integers the solver works in.
    fn new(months: &[SizingMonth], cap: Option<Decimal>, term: usize) -> Option<Problem> {
        let whole = |d: Decimal| -> Option<i128> {
            if d.fract().is_zero() && !d.is_sign_negative() {
                d.to_i128()
            } else if d.is_zero() {
                Some(0)
            } else {
                None
            }
        };
        let scale = months
            .iter()
            .filter_map(|(_, p)| p.map(|p| p.prepaid.scale().max(p.daily.scale())))
            .max()
            .unwrap_or(0);
        let scaled = |d: Decimal| -> Option<i128> {
            if d.is_sign_negative() && !d.is_zero() {
                return None;
            }
            d.mantissa()
                .checked_mul(10i128.checked_pow(scale - d.scale())?)
        };
        let cap = match cap {
            Some(c) => Some(whole(c)?),
            None => None,
        };
        let mut most = 0;
        let mut largest_cost: i128 = 0;
        let mut out = Vec::with_capacity(months.len());
        for (u, p) in months {
            most = most.max(whole(u.max_cores())?);
            let (ordinary, peak) = u.charged_day_counts();
            let mut counts = Vec::new();
            let prepaid = match p {
                None => None,
                Some(p) => {
                    let daily = scaled(p.daily)?;
                    let mut add = |cores: Decimal, days: u32| -> Option<()> {
                        let weight = daily.checked_mul(i128::from(days))?;
                        let cores = whole(cores)?;
                        if weight > 0 && cores > 0 {
                            counts.push(Count { cores, weight });
                        }
                        Some(())
                    };
                    add(u.cores, ordinary)?;
                    if u.peak_days > 0 {
                        add(u.peak_cores, peak)?;
                    }
                    let prepaid = scaled(p.prepaid)?;
                    let weights: i128 = counts.iter().map(|c| c.weight).sum();
                    largest_cost = largest_cost
                        .max(prepaid.checked_mul(term as i128)?)
                        .max(weights);
                    Some(prepaid)
                }
            };
            out.push(Month { prepaid, counts });
        }
        // Every cost the solver adds up is at most the largest unit cost × the most cores ×
        // a few per arc: keep all of it far inside the integers.
        let arcs = 8 * (months.len() as i128 + 4);
        largest_cost
            .checked_add(1)?
            .checked_mul(most.checked_add(1)?)?
            .checked_mul(arcs)?
            .checked_mul(1 << 20)?;
        Some(Problem {
            months: out,
            term,
            cap,
            most,
        })
    }

    /// One count's overage as a function of the level in a regime (the convex function
    /// below it when the cap bites and no regime is chosen).
    fn piece(&self, c: Count, regime: Regime) -> Piece {
        let most = self.most;
        match self.cap {
            Some(k) if k < c.cores => {
                let flat = c.weight * k;
                match regime {
                    Regime::Low => Piece {
                        lo: 0,
                        hi: c.cores - k,
                        slopes: Vec::new(),
                    },
                    Regime::High => Piece {
                        lo: c.cores - k,
                        hi: most,
                        slopes: vec![(c.cores, -c.weight)],
                    },
                    Regime::Below => {
                        // max(0, flat − s × L) with s = ⌈flat / cores⌉: at or below the
                        // real overage at every whole level, and equal at 0 and from cores on.
                        let s = (flat + c.cores - 1) / c.cores;
                        let m = flat / s;
                        let rest = flat - s * m;
                        let mut slopes = vec![(m, -s)];
                        if rest > 0 {
                            slopes.push((m + 1, -rest));
                        }
                        Piece {
                            lo: 0,
                            hi: most,
                            slopes,
                        }
                    }
                }
            }
            _ => Piece {
                lo: 0,
                hi: most,
                slopes: vec![(c.cores, -c.weight)],
            },
        }
    }

    /// A count's overage at a level in a regime (as [`Problem::piece`] draws it) and the
    /// real one (rule TCSS-PRO-5).
    fn overage(&self, c: Count, regime: Regime, level: i128) -> (i128, i128) {
        let over = (c.cores - level).max(0);
        match self.cap {
            Some(k) if k < c.cores => {
                let real = c.weight * over.min(k);
                let drawn = match regime {
                    Regime::Below => {
                        let flat = c.weight * k;
                        let s = (flat + c.cores - 1) / c.cores;
                        (flat - s * level).max(0)
                    }
                    Regime::Low | Regime::High => real,
                };
                (drawn, real)
            }
            _ => (c.weight * over, c.weight * over),
        }
    }

    fn regime(branch: &Branch, month: usize, which: usize) -> Regime {
        branch
            .regimes
            .iter()
            .rev()
            .find(|(m, w, _)| *m == month && *w == which)
            .map_or(Regime::Below, |r| r.2)
    }

    /// Solves a subproblem: `None` when it holds no licence path (or the solver gives up).
    fn solve(&self, branch: &Branch) -> Option<Solved> {
        let t_len = self.months.len();
        let term = self.term;
        let most = self.most;
        // Nodes: N_0 … N_T, then R_term … R_T.
        let n_node = |t: usize| t;
        let r_node = |k: usize| t_len + 1 + (k - term);
        let nodes = t_len + 1 + (t_len + 1).saturating_sub(term);
        let mut g = Graph::new(nodes);
        let mut excess = vec![0i128; nodes];
        let mut floor = vec![0i128; t_len];
        for (t, m) in self.months.iter().enumerate() {
            // The level arc: the month's overage over [lo, hi].
            let pieces: Vec<Piece> = if m.prepaid.is_some() {
                m.counts
                    .iter()
                    .enumerate()
                    .map(|(w, c)| self.piece(*c, Self::regime(branch, t, w)))
                    .collect()
            } else {
                Vec::new()
            };
            let lo = pieces.iter().map(|p| p.lo).max().unwrap_or(0);
            let hi = pieces.iter().map(|p| p.hi).min().unwrap_or(most).min(most);
            if lo > hi {
                return None;
            }
            floor[t] = lo;
            excess[n_node(t)] += lo;
            excess[n_node(t + 1)] -= lo;
            let mut ends: Vec<i128> = pieces
                .iter()
                .flat_map(|p| p.slopes.iter().map(|s| s.0))
                .filter(|&e| e > lo && e < hi)
                .collect();
            ends.push(hi);
            ends.sort_unstable();
            ends.dedup();
            let mut at = lo;
            for end in ends {
                let slope: i128 = pieces
                    .iter()
                    .map(|p| {
                        let mut start = 0;
                        for &(e, s) in &p.slopes {
                            if at >= start && at < e {
                                return s;
                            }
                            start = e;
                        }
                        0
                    })
                    .sum();
                g.add(n_node(t + 1), n_node(t), end - at, slope, t, Kind::Level);
                at = end;
            }
            let Some(p) = m.prepaid else { continue };
            if !branch.no_purchase.contains(&t) {
                let to = if t + term <= t_len {
                    r_node(t + term)
                } else {
                    n_node(t_len)
                };
                g.add(n_node(t), to, most, p * term as i128, t, Kind::Purchase);
            }
            if t >= term {
                g.add(r_node(t), r_node(t + 1), most, p, t, Kind::Renewal);
            }
        }
        for k in term..=t_len {
            if k == t_len || !branch.no_drop.contains(&k) {
                g.add(r_node(k), n_node(k), most, 0, k, Kind::Drop);
            }
        }
        // Negative arcs full, then the cheapest way to even out what that leaves.
        for a in (0..g.arcs.len()).step_by(2) {
            if g.arcs[a].cost < 0 {
                let amount = g.arcs[a].cap;
                let (from, to) = (g.from(a), g.arcs[a].to);
                g.push(a, amount);
                excess[to] += amount;
                excess[from] -= amount;
            }
        }
        let potential = successive_shortest_paths(&mut g, &mut excess)?;
        tie_break(&mut g, t_len, potential)?;
        Some(self.read(&g, &floor, branch))
    }

    /// The subproblem's key and where it falls short of a licence path of the rule.
    fn read(&self, g: &Graph, floor: &[i128], branch: &Branch) -> Solved {
        let t_len = self.months.len();
        let mut levels = floor.to_vec();
        let mut bought = vec![0i128; t_len];
        let mut renewed = vec![0i128; t_len];
        let mut dropped = vec![0i128; t_len + 1];
        for a in (0..g.arcs.len()).step_by(2) {
            let arc = g.arcs[a];
            let f = g.flow(a);
            match arc.kind {
                Kind::Level => levels[arc.month] += f,
                Kind::Purchase => bought[arc.month] += f,
                Kind::Renewal => renewed[arc.month] += f,
                Kind::Drop => dropped[arc.month] += f,
            }
        }
        let mut charges = vec![0i128; t_len];
        let mut split = None;
        for (t, m) in self.months.iter().enumerate() {
            let Some(p) = m.prepaid else { continue };
            let mut charge = p * (self.term as i128) * bought[t] + p * renewed[t];
            for (w, c) in m.counts.iter().enumerate() {
                let regime = Self::regime(branch, t, w);
                let (drawn, real) = self.overage(*c, regime, levels[t]);
                charge += drawn;
                if drawn != real && split.is_none() {
                    let mut low = branch.clone();
                    low.regimes.push((t, w, Regime::Low));
                    let mut high = branch.clone();
                    high.regimes.push((t, w, Regime::High));
                    split = Some((t, low, high));
                }
            }
            charges[t] = charge;
            // Cores bought in a month that drops others: the rule buys only when the
            // licence rises, so one of the two is zero in every licence path.
            if bought[t] > 0 && dropped[t] > 0 && split.as_ref().is_none_or(|s| s.0 > t) {
                let mut a = branch.clone();
                a.no_purchase.push(t);
                let mut b = branch.clone();
                b.no_drop.push(t);
                split = Some((t, a, b));
            }
        }
        Solved {
            key: Key {
                total: charges.iter().sum(),
                charges,
                levels,
            },
            split: split.map(|(_, a, b)| (a, b)),
        }
    }
}

/// Sends the excess of the nodes to the deficits along cheapest paths (successive shortest
/// paths with potentials: every round finds the cheapest paths from the nodes with excess
/// under reduced costs, then sends what it can along the tree of those paths to every
/// deficit it reaches; the residual network never has a negative cycle, so the result is a
/// cheapest circulation). Returns the potentials, under which no residual arc has a negative
/// reduced cost; `None` when a deficit cannot be met or the work runs past its bound.
fn successive_shortest_paths(g: &mut Graph, excess: &mut [i128]) -> Option<Vec<i128>> {
    let n = g.out.len();
    // Every residual arc costs ≥ 0 at the start (the negative ones are full).
    let mut potential = vec![0i128; n];
    let mut dist = vec![i128::MAX; n];
    let mut done = vec![false; n];
    let mut heap = BinaryHeap::new();
    let bound = 4 * g.arcs.len() + 64;
    for _ in 0..bound {
        if excess.iter().all(|&e| e <= 0) {
            return excess.iter().all(|&e| e == 0).then_some(potential);
        }
        dist.fill(i128::MAX);
        done.fill(false);
        for v in 0..n {
            if excess[v] > 0 {
                dist[v] = 0;
                heap.push(Reverse((0i128, v)));
            }
        }
        // Up to the nearest deficit: the nodes settled by then move by their distance, the
        // others by that of the deficit, which keeps every reduced cost ≥ 0.
        let mut nearest = None;
        while let Some(Reverse((d, u))) = heap.pop() {
            if done[u] {
                continue;
            }
            done[u] = true;
            if excess[u] < 0 {
                nearest = Some(d);
                break;
            }
            for &a in &g.out[u] {
                let arc = &g.arcs[a];
                if arc.cap > 0 {
                    let nd = d + arc.cost + potential[u] - potential[arc.to];
                    if nd < dist[arc.to] {
                        dist[arc.to] = nd;
                        heap.push(Reverse((nd, arc.to)));
                    }
                }
            }
        }
        heap.clear();
        let far = nearest?;
        for v in 0..n {
            potential[v] += if done[v] { dist[v] } else { far };
        }
        // Every cheapest path now runs on arcs of zero reduced cost: send all that they carry
        // (a maximum flow from the excesses to the deficits over those arcs, by levels).
        blocking_flows(g, excess, &potential);
    }
    None
}

/// Sends as much as the arcs of zero reduced cost carry from the nodes with excess to those
/// with a deficit (Dinic's levels and blocking flows).
fn blocking_flows(g: &mut Graph, excess: &mut [i128], potential: &[i128]) {
    let n = g.out.len();
    let admissible = |g: &Graph, a: usize| {
        let arc = &g.arcs[a];
        arc.cap > 0 && arc.cost + potential[g.from(a)] - potential[arc.to] == 0
    };
    let mut level = vec![usize::MAX; n];
    let mut next = vec![0usize; n];
    let mut queue = std::collections::VecDeque::new();
    loop {
        level.fill(usize::MAX);
        queue.clear();
        for v in 0..n {
            if excess[v] > 0 {
                level[v] = 0;
                queue.push_back(v);
            }
        }
        let mut reached = false;
        while let Some(u) = queue.pop_front() {
            if excess[u] < 0 {
                reached = true;
            }
            for &a in &g.out[u] {
                let to = g.arcs[a].to;
                if level[to] == usize::MAX && admissible(g, a) {
                    level[to] = level[u] + 1;
                    queue.push_back(to);
                }
            }
        }
        if !reached {
            return;
        }
        next.fill(0);
        for source in 0..n {
            while excess[source] > 0 {
                let sent = push_along(
                    g,
                    excess,
                    &level,
                    &mut next,
                    &admissible,
                    source,
                    excess[source],
                );
                if sent == 0 {
                    break;
                }
                excess[source] -= sent;
            }
        }
    }
}

/// One depth-first push of at most `limit` from `u` down the levels to a deficit.
fn push_along(
    g: &mut Graph,
    excess: &mut [i128],
    level: &[usize],
    next: &mut [usize],
    admissible: &dyn Fn(&Graph, usize) -> bool,
    u: usize,
    limit: i128,
) -> i128 {
    if excess[u] < 0 && level[u] > 0 {
        let taken = limit.min(-excess[u]);
        excess[u] += taken;
        return taken;
    }
    while next[u] < g.out[u].len() {
        let a = g.out[u][next[u]];
        let to = g.arcs[a].to;
        if level[to] == level[u] + 1 && admissible(g, a) {
            let sent = push_along(
                g,
                excess,
                level,
                next,
                admissible,
                to,
                limit.min(g.arcs[a].cap),
            );
            if sent > 0 {
                g.push(a, sent);
                return sent;
            }
        }
        next[u] += 1;
    }
    0
}

/// The cost per unit of an arc, as added, in a stage of the ranking: stage 0 the total,
/// 1 … T the charges of month stage − 1, T + 1 … 2T the level of month stage − T − 1.
fn stage_cost(arc: &Arc, stage: usize, months: usize) -> i128 {
    match stage {
        0 => arc.cost,
        s if s <= months => {
            if arc.month == s - 1 && arc.kind != Kind::Drop {
                arc.cost
            } else {
                0
            }
        }
        s => i128::from(arc.kind == Kind::Level && arc.month == s - months - 1),
    }
}

/// Ranks the cheapest circulations as the rule ranks paths: on the face of the cheapest
/// ones (the arcs whose reduced cost under `potential` is zero; the others keep their flow,
/// by complementary slackness), the smallest charges of month 1, then of month 2, …, then
/// the smallest level of month 1, …; each stage cancels negative cycles among the arcs still
/// free and then fixes every arc whose reduced cost is not zero. `None` when the work runs
/// past its bound.
fn tie_break(g: &mut Graph, months: usize, potential: Vec<i128>) -> Option<()> {
    for a in (0..g.arcs.len()).step_by(2) {
        if g.arcs[a].cost + potential[g.from(a)] - potential[g.arcs[a].to] != 0 {
            g.frozen[a / 2] = true;
        }
    }
    if !has_free_cycle(g) {
        return Some(());
    }
    let mut by_month: Vec<Vec<usize>> = vec![Vec::new(); months + 1];
    for a in 0..g.arcs.len() {
        by_month[g.arcs[a].month.min(months)].push(a);
    }
    let mut search = Search::new(g.out.len());
    for stage in 1..=2 * months {
        let month = if stage <= months {
            stage - 1
        } else {
            stage - months - 1
        };
        let cost = |g: &Graph, a: usize| -> i128 {
            let c = stage_cost(&g.arcs[a & !1], stage, months);
            if a & 1 == 1 {
                -c
            } else {
                c
            }
        };
        let seeds = &by_month[month];
        if !seeds.iter().any(|&a| !g.frozen[a / 2] && cost(g, a) != 0) {
            continue;
        }
        search.cancel_negative_cycles(g, &cost, seeds)?;
        // Only the arcs of the month and those at a node whose distance moved can have a
        // reduced cost other than zero.
        let mut check: Vec<usize> = seeds.clone();
        for &v in &search.touched {
            check.extend(g.out[v].iter().copied());
        }
        for a in check {
            if g.frozen[a / 2] {
                continue;
            }
            let reduced = cost(g, a) + search.dist[g.from(a)] - search.dist[g.arcs[a].to];
            if reduced != 0 {
                g.frozen[a / 2] = true;
            }
        }
        search.reset();
    }
    Some(())
}

/// Whether the arcs not yet fixed close a cycle (without one the circulation is the only
/// one left).
fn has_free_cycle(g: &Graph) -> bool {
    let n = g.out.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(parent: &mut [usize], mut v: usize) -> usize {
        while parent[v] != v {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }
        v
    }
    for a in (0..g.arcs.len()).step_by(2) {
        if g.frozen[a / 2] {
            continue;
        }
        let (x, y) = (
            find(&mut parent, g.from(a)),
            find(&mut parent, g.arcs[a].to),
        );
        if x == y {
            return true;
        }
        parent[x] = y;
    }
    false
}

/// The distances of a stage: from a virtual source joined to every node at no cost, so
/// only the nodes downstream of a negative arc move (`touched`); the rest stay at 0.
struct Search {
    dist: Vec<i128>,
    parent: Vec<usize>,
    length: Vec<usize>,
    queued: Vec<bool>,
    queue: std::collections::VecDeque<usize>,
    touched: Vec<usize>,
}

impl Search {
    fn new(n: usize) -> Self {
        Search {
            dist: vec![0; n],
            parent: vec![usize::MAX; n],
            length: vec![0; n],
            queued: vec![false; n],
            queue: std::collections::VecDeque::new(),
            touched: Vec::new(),
        }
    }

    fn reset(&mut self) {
        for &v in &self.touched {
            self.dist[v] = 0;
            self.parent[v] = usize::MAX;
            self.length[v] = 0;
            self.queued[v] = false;
        }
        self.touched.clear();
        self.queue.clear();
    }

    /// Cancels the negative cycles (under `cost`, which is zero but on the `seeds`) among
    /// the free residual arcs, leaving in `dist` the distances, under which no free residual
    /// arc has a negative reduced cost. A queue-based Bellman-Ford from the tails of the
    /// negative arcs settles in a few passes.
    fn cancel_negative_cycles(
        &mut self,
        g: &mut Graph,
        cost: &dyn Fn(&Graph, usize) -> i128,
        seeds: &[usize],
    ) -> Option<()> {
        let n = g.out.len();
        let bound = 4 * g.arcs.len() + 64;
        for _ in 0..bound {
            self.reset();
            for &a in seeds {
                if g.arcs[a].cap > 0 && !g.frozen[a / 2] && cost(g, a) < 0 {
                    let u = g.from(a);
                    if !self.queued[u] {
                        self.queued[u] = true;
                        self.touched.push(u);
                        self.queue.push_back(u);
                    }
                }
            }
            let mut looped = None;
            'search: while let Some(u) = self.queue.pop_front() {
                self.queued[u] = false;
                for &a in &g.out[u] {
                    let arc = &g.arcs[a];
                    if arc.cap <= 0 || g.frozen[a / 2] {
                        continue;
                    }
                    let d = self.dist[u] + cost(g, a);
                    let v = arc.to;
                    if d < self.dist[v] {
                        if self.dist[v] == 0 && self.parent[v] == usize::MAX && !self.queued[v] {
                            self.touched.push(v);
                        }
                        self.dist[v] = d;
                        self.parent[v] = a;
                        self.length[v] = self.length[u] + 1;
                        if self.length[v] >= n {
                            looped = Some(v);
                            break 'search;
                        }
                        if !self.queued[v] {
                            self.queued[v] = true;
                            self.queue.push_back(v);
                        }
                    }
                }
            }
            let Some(v) = looped else {
                return Some(());
            };
            // A negative cycle among the parents: walk back into it, then around it (or,
            // should the parents not close one, find it by passes over every arc).
            let cycle = match parent_cycle(g, &self.parent, v) {
                Some(c) => c,
                None => every_arc_cycle(g, cost)?,
            };
            let amount = cycle.iter().map(|&a| g.arcs[a].cap).min()?;
            for a in cycle {
                g.push(a, amount);
            }
        }
        None
    }
}

fn parent_cycle(g: &Graph, parent: &[usize], mut v: usize) -> Option<Vec<usize>> {
    let n = g.out.len();
    let mut seen = vec![false; n];
    while !seen[v] {
        seen[v] = true;
        let a = parent[v];
        if a == usize::MAX {
            return None;
        }
        v = g.from(a);
    }
    let start = v;
    let mut cycle = Vec::new();
    loop {
        let a = parent[v];
        cycle.push(a);
        v = g.from(a);
        if v == start {
            return Some(cycle);
        }
    }
}

/// A negative cycle among the free residual arcs by Bellman-Ford passes over every arc.
fn every_arc_cycle(g: &Graph, cost: &dyn Fn(&Graph, usize) -> i128) -> Option<Vec<usize>> {
    let n = g.out.len();
    let mut dist = vec![0i128; n];
    let mut parent = vec![usize::MAX; n];
    let mut last = None;
    for _ in 0..n {
        last = None;
        for a in 0..g.arcs.len() {
            let arc = &g.arcs[a];
            if arc.cap > 0 && !g.frozen[a / 2] {
                let d = dist[g.from(a)] + cost(g, a);
                if d < dist[arc.to] {
                    dist[arc.to] = d;
                    parent[arc.to] = a;
                    last = Some(arc.to);
                }
            }
        }
        last?;
    }
    let mut v = last?;
    for _ in 0..n {
        v = g.from(parent[v]);
    }
    parent_cycle(g, &parent, v)
}

/// The licence levels of the cheapest path as the rule ranks them (rule TCSS-PRO-3), by
/// branch and bound over [`Problem::solve`]: subproblems are taken cheapest key first; the
/// first whose circulation is a licence path of the rule with its real overage is the
/// answer, since every other path is in a subproblem whose key is no smaller. `None` when
/// the figures leave the whole numbers, or when the search stops at its bound
/// ([`MAX_SUBPROBLEMS`], fewer on long horizons); then `tried` holds the levels of the circulations seen.
pub(crate) fn exact_levels(
    months: &[SizingMonth],
    cap: Option<Decimal>,
    term: usize,
    tried: &mut Vec<Vec<Decimal>>,
) -> Option<Vec<Decimal>> {
    let problem = Problem::new(months, cap, term)?;
    let mut open: BinaryHeap<Reverse<(Key, usize)>> = BinaryHeap::new();
    let mut branches: Vec<Option<(Branch, Branch)>> = Vec::new();
    let root = problem.solve(&Branch::default())?;
    open.push(Reverse((root.key, 0)));
    branches.push(root.split);
    let to_decimal = |levels: &[i128]| -> Vec<Decimal> {
        levels
            .iter()
            .map(|&l| Decimal::from_i128_with_scale(l, 0))
            .collect()
    };
    let mut taken = 0;
    while let Some(Reverse((key, id))) = open.pop() {
        let Some((a, b)) = branches[id].take() else {
            return Some(to_decimal(&key.levels));
        };
        tried.push(to_decimal(&key.levels));
        taken += 1;
        if taken > MAX_SUBPROBLEMS.min(WORK / months.len().pow(2)).max(2) {
            return None;
        }
        for child in [a, b] {
            if let Some(s) = problem.solve(&child) {
                open.push(Reverse((s.key, branches.len())));
                branches.push(s.split);
            }
        }
    }
    None
}
