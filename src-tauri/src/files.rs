//! Reading the files a user names without reading more than a limit, and writing the files a
//! user asked for without ever destroying the old one.
//!
//! `std::fs::write` truncates the file first: a full disk or a crash halfway leaves a cut-off
//! file where the user's good one was. Here the content goes to a temporary file in the same
//! folder (so the rename stays on one file system), is flushed to disk, and only then renamed
//! over the target, which is atomic on the platforms Plancast runs on. When anything fails
//! the target is as it was and the temporary file is removed (tempfile deletes it on drop).

use std::io::{Read, Write};
use std::path::Path;

/// Why a text file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// The file has more bytes than the limit; only the limit and one byte were read.
    TooLarge,
    NotUtf8,
}

/// Reads a UTF-8 text file of at most `limit` bytes. A larger file is refused after reading
/// `limit + 1` bytes: it is never read whole, so a huge file (or an endless one such as
/// `/dev/zero`) costs no more memory than the limit. The size is not taken from the file's
/// metadata, which pipes and special files do not give.
///
/// Scenario files: `read_to_string_limited(path, pricing::jsonread::MAX_FILE_BYTES)`, with
/// [`ReadError::TooLarge`] reported as `pricing::scenario::file_too_large()`.
pub fn read_to_string_limited(path: &Path, limit: usize) -> Result<String, ReadError> {
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    let expected = file
        .metadata()
        .ok()
        .and_then(|m| usize::try_from(m.len()).ok())
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(expected.min(limit.saturating_add(1)));
    file.take(u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() > limit {
        return Err(ReadError::TooLarge);
    }
    String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)
}

/// Writes `bytes` to `path` atomically.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomically_with(path, |file| file.write_all(bytes))
}

/// Writes what `fill` writes to `path` atomically: the target changes only if `fill`, the
/// flush and the rename all succeed.
pub fn write_atomically_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".plancast-").suffix(".tmp");
    // Readable as a file written the ordinary way would be (0666 less the umask), not only by
    // its owner as temporary files are.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    fill(temp.as_file_mut())?;
    temp.as_file_mut().flush()?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_stops_after_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("scenario.json");
        std::fs::write(&path, "0123456789").unwrap();
        assert_eq!(read_to_string_limited(&path, 10).unwrap(), "0123456789");
        assert!(matches!(
            read_to_string_limited(&path, 9),
            Err(ReadError::TooLarge)
        ));
        std::fs::write(&path, b"\xff\xfe").unwrap();
        assert!(matches!(
            read_to_string_limited(&path, 10),
            Err(ReadError::NotUtf8)
        ));
        assert!(matches!(
            read_to_string_limited(&dir.path().join("missing.json"), 10),
            Err(ReadError::Io(_))
        ));
    }

    #[cfg(unix)]
    #[test]
    fn an_endless_file_is_refused_without_reading_it_whole() {
        // /dev/zero never ends and has no size: only the limit and one byte are read.
        assert!(matches!(
            read_to_string_limited(Path::new("/dev/zero"), 1 << 20),
            Err(ReadError::TooLarge)
        ));
    }

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_failure_halfway_leaves_the_old_file_and_no_temporary_file() {
        // What a full disk does: part of the content is written, then the write fails.
        // `std::fs::write` would have truncated report.csv to that part.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.csv");
        std::fs::write(&target, "the old report").unwrap();
        let result = write_atomically_with(&target, |file| {
            file.write_all(b"the first half of the new")?;
            Err(std::io::Error::other("No space left on device"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "the old report");
        assert_eq!(names_in(dir.path()), ["report.csv"]);
    }

    #[test]
    fn a_rename_that_fails_leaves_the_target_and_no_temporary_file() {
        // The target is a folder with something in it: the rename is refused.
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("chart.png");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("keep"), "x").unwrap();
        assert!(write_atomically(&target, b"png").is_err());
        assert_eq!(std::fs::read_to_string(target.join("keep")).unwrap(), "x");
        assert_eq!(names_in(dir.path()), ["chart.png"]);
    }

    #[cfg(unix)]
    #[test]
    fn the_file_gets_the_permissions_of_an_ordinary_write() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let (ours, plain) = (dir.path().join("a.csv"), dir.path().join("b.csv"));
        write_atomically(&ours, b"x").unwrap();
        std::fs::write(&plain, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ours), mode(&plain));
    }

    #[test]
    fn a_success_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("scenario.json");
        std::fs::write(&target, "old and longer than the new").unwrap();
        write_atomically(&target, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names_in(dir.path()), ["scenario.json"]);
    }
}
