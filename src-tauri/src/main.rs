fn main() {
    std::process::exit(plancast::cli::run());
}
