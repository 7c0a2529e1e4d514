using EcoSim.Experiments.Checkpoints;
using EcoSim.Experiments.Output;
using EcoSim.Model.Time;

namespace EcoSim.Client.Tests;

/// <summary>
/// Checkpoints begun in the background (<see cref="CheckpointFolder.BeginAsync"/>) are written one at a time and in
/// order, each whole under its name with the hash of its bytes; a write that fails is reported when the run waits for it,
/// and leaves no file behind.
/// </summary>
public class CheckpointFolderTests
{
    [Fact]
    public async Task Checkpoints_begun_one_after_another_are_all_written_in_order_with_their_hashes()
    {
        using var folder = new TempFolder();
        var sink = new CheckpointFolder(folder.Path, null);
        var release = new TaskCompletionSource();
        await sink.BeginAsync(8, new Period(2026, 1), stream => { release.Task.Wait(); stream.Write([1, 2, 3]); }, CancellationToken.None);
        var second = sink.BeginAsync(16, new Period(2028, 1), stream => stream.Write([4, 5]), CancellationToken.None);
        // The second waits for the first, which waits to be released.
        await Task.Delay(50);
        Assert.False(second.IsCompleted);
        release.SetResult();
        await second;
        await sink.SettleAsync();
        Assert.Equal([8, 16], sink.Written.Select(c => c.Tick));
        foreach (var written in sink.Written)
        {
            Assert.Equal(ContentHash.OfFile(written.Path), written.Sha256);
            Assert.Equal(new FileInfo(written.Path).Length, written.Bytes);
        }
        Assert.Equal(["2026Q1.ecosnap", "2028Q1.ecosnap"], Directory.GetFiles(folder.Path).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_background_write_that_fails_is_reported_when_it_is_settled_and_leaves_no_file()
    {
        using var folder = new TempFolder();
        var sink = new CheckpointFolder(folder.Path, null);
        await sink.BeginAsync(8, new Period(2026, 1), stream => { stream.Write([1]); throw new IOException("disk full"); }, CancellationToken.None);
        var failure = await Assert.ThrowsAsync<IOException>(sink.SettleAsync);
        Assert.Equal("disk full", failure.Message);
        Assert.Empty(Directory.GetFileSystemEntries(folder.Path));
        Assert.Empty(sink.Written);
        await sink.SettleAsync(); // reported once
    }
}
