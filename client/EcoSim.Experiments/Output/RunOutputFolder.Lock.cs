namespace EcoSim.Experiments.Output;

public sealed partial class RunOutputFolder
{
    /// <summary>
    /// The exclusive lock on one output path: the file <c>.&lt;leaf&gt;.lock</c> beside it, opened with
    /// <see cref="FileShare.None"/> (an advisory <c>flock</c> on Unix, a sharing lock on Windows) and held until
    /// disposed. The operating system drops the lock when its holder dies, however it dies, so the lock also
    /// tells whether a hidden working folder beside the path still has a live writer.
    /// </summary>
    private sealed class PathLock : IDisposable
    {
        private readonly FileStream _stream;

        private PathLock(string path, FileStream stream)
        {
            LockPath = path;
            _stream = stream;
        }

        /// <summary>The lock file.</summary>
        public string LockPath { get; }

        /// <summary>The lock of <paramref name="target"/> (a full path), or null when another writer holds it.</summary>
        /// <exception cref="IOException">The lock file cannot be created (e.g. the parent folder is read-only).</exception>
        /// <exception cref="UnauthorizedAccessException">The same, reported as an access error.</exception>
        public static PathLock? TryTake(string target)
        {
            string path = Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.lock");
            for (int attempt = 0; attempt < 3; attempt++)
            {
                FileStream stream;
                try { stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
                catch (IOException) when (File.Exists(path)) { return null; } // held by a live writer
                // The previous holder deletes the file as it lets go: a lock taken on a file that was deleted
                // meanwhile guards nothing, so take the file at the path again.
                if (File.Exists(path)) return new PathLock(path, stream);
                stream.Dispose();
            }
            return null;
        }

        private bool _released;

        /// <summary>Deletes the lock file, then lets go of it; once.</summary>
        public void Dispose()
        {
            if (_released) return;
            _released = true;
            try { File.Delete(LockPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* an empty hidden lock file left behind is harmless */ }
            _stream.Dispose();
        }
    }
}
