using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

/// <summary>
/// The manifest's list of files takes the hash of a file EcoSim hashed as it wrote it (a checkpoint) instead of reading it
/// again, but only while the file has the length it was written with; every other file is hashed from its bytes.
/// </summary>
public class ContentHashTests
{
    [Fact]
    public void A_file_hashed_as_written_keeps_that_hash_and_the_others_are_hashed_from_their_bytes()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.Combine("checkpoints"));
        File.WriteAllBytes(folder.Combine("checkpoints", "2026Q1.ecosnap"), [1, 2, 3]);
        File.WriteAllText(folder.Combine("metrics.csv"), "a,b\n");
        // A hash no file has, so the test tells a taken hash from a computed one.
        var written = new ManifestFile("checkpoints/2026Q1.ecosnap", 3, new string('a', 64));
        var files = ContentHash.DescribeFiles(folder.Path, new Dictionary<string, ManifestFile> { [written.Path] = written });
        Assert.Equal(written, files.Single(f => f.Path == written.Path));
        Assert.Equal(ContentHash.OfFile(folder.Combine("metrics.csv")), files.Single(f => f.Path == "metrics.csv").Sha256);
    }

    [Fact]
    public void A_file_whose_length_changed_since_it_was_written_is_hashed_again()
    {
        using var folder = new TempFolder();
        string path = folder.Combine("2026Q1.ecosnap");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        var written = new ManifestFile("2026Q1.ecosnap", 3, new string('a', 64));
        var file = ContentHash.DescribeFiles(folder.Path, new Dictionary<string, ManifestFile> { [written.Path] = written }).Single();
        Assert.Equal(4, file.Bytes);
        Assert.Equal(ContentHash.OfFile(path), file.Sha256);
    }
}
