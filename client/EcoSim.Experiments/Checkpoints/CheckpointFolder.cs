using EcoSim.Model.Snapshots;
using EcoSim.Model.Time;
using EcoSim.Model.World;

namespace EcoSim.Experiments.Checkpoints;

/// <summary>
/// Writes a run's checkpoints as files <c>PERIOD.ecosnap</c> in one folder: each to a hidden temporary file
/// first, moved to its name only when whole, never over an existing file. It lists what it wrote for the manifest. A
/// checkpoint begun with <see cref="BeginAsync"/> is written on the thread pool while the run goes on, one at a time.
/// </summary>
public sealed class CheckpointFolder : ICheckpointSink
{
    private readonly string _folder;
    private readonly string? _recordedAs;
    private readonly List<WrittenCheckpoint> _written = [];
    // Writes of at least this many bytes bypass the file's buffer; smaller ones (a part's head and hash) are gathered in it.
    private const int WriteBufferBytes = 8 << 10;
    // The checkpoint begun last and still being written in the background (BeginAsync), or null.
    private Task? _writing;

    /// <param name="folder">The folder (made when the first checkpoint is written).</param>
    /// <param name="recordedAs">The folder as the manifest names it (relative to the output folder), or null to record the files' paths as written.</param>
    public CheckpointFolder(string folder, string? recordedAs)
    {
        _folder = folder;
        _recordedAs = recordedAs;
    }

    /// <summary>Every checkpoint written so far, in order.</summary>
    public IReadOnlyList<WrittenCheckpoint> Written => _written;

    /// <summary>
    /// Why checkpoints of <paramref name="schedule"/> for a run of <paramref name="world"/> cannot go to
    /// <paramref name="folder"/>: it is a file, or holds a file of a name the run would write (EcoSim never
    /// replaces a file it did not write in this run); empty when they can.
    /// </summary>
    public static IReadOnlyList<string> Problems(string folder, CheckpointSchedule schedule, WorldSpec world)
    {
        if (File.Exists(folder)) return [$"--checkpoint-dir {folder} is a file, not a folder"];
        return [.. schedule.Ticks.Select(t => Path.Combine(folder, CheckpointNames.FileName(world.PeriodOf(t))))
            .Where(path => File.Exists(path) || Directory.Exists(path))
            .Select(path => $"--checkpoint-dir: {path} exists; EcoSim does not replace it (choose another folder or move it away)")];
    }

    /// <inheritdoc/>
    public async Task BeginAsync(int tick, Period period, Action<Stream> write, CancellationToken cancellation)
    {
        await SettleAsync();
        _writing = ((ICheckpointSink)this).WriteAsync(tick, period, write, cancellation);
    }

    /// <inheritdoc/>
    public async Task SettleAsync()
    {
        if (_writing is not { } writing) return;
        _writing = null;
        await writing;
    }

    /// <inheritdoc/>
    public async Task WriteAsync(int tick, Period period, Func<Stream, Task> write, CancellationToken cancellation)
    {
        Directory.CreateDirectory(_folder);
        string name = CheckpointNames.FileName(period), path = Path.Combine(_folder, name);
        string temporary = Path.Combine(_folder, $".{name}.partial-{Guid.NewGuid():N}");
        (long Bytes, string Sha256) written;
        bool created = false;
        try
        {
            written = await Task.Run(async () =>
            {
                // A small buffer: the snapshot writer hands over its bytes a few kilobytes or a whole column at a time, which
                // go to the file as they are, not copied into a buffer first (docs/PERFORMANCE.md, section 32).
                using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, WriteBufferBytes);
                created = true;
                using var hashed = new TallyStream(file, hash: true);
                await write(hashed);
                return (hashed.Count, hashed.Sha256());
            }, cancellation);
            File.Move(temporary, path, overwrite: false);
        }
        finally
        {
            // Only the temporary file this call made (CreateNew refuses one that was there) is removed.
            if (created && File.Exists(temporary)) File.Delete(temporary);
        }
        string recorded = _recordedAs is null ? path : $"{_recordedAs}/{name}";
        _written.Add(new WrittenCheckpoint(period.ToString(), tick, recorded, written.Bytes, written.Sha256));
    }
}
