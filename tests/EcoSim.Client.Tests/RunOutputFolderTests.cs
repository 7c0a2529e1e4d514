using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

public sealed class RunOutputFolderTests
{
    [Fact]
    public void Writes_go_to_a_hidden_sibling_and_commit_moves_them_into_place()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("runs", "baseline");

        using (RunOutputFolder folder = RunOutputFolder.Begin(final))
        {
            Assert.Equal(temp.Combine("runs"), Path.GetDirectoryName(folder.WorkingPath));
            Assert.StartsWith(".baseline.partial-", Path.GetFileName(folder.WorkingPath));
            Assert.False(Directory.Exists(final));
            WriteOutput(folder, "new");
            Assert.False(Directory.Exists(final));

            folder.Commit();

            Assert.True(folder.IsCommitted);
            Assert.False(Directory.Exists(folder.WorkingPath));
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(final, "metrics.csv")));
        Assert.True(RunOutputFolder.IsEcoSimOutput(final));
        Assert.Equal(["baseline"], Directory.GetFileSystemEntries(temp.Combine("runs")).Select(Path.GetFileName));
    }

    [Fact]
    public void Abort_and_dispose_without_commit_leave_nothing_behind()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");

        RunOutputFolder aborted = RunOutputFolder.Begin(final);
        WriteOutput(aborted, "x");
        aborted.Abort();
        using (RunOutputFolder disposed = RunOutputFolder.Begin(final))
            WriteOutput(disposed, "y");

        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
        Assert.Throws<InvalidOperationException>(aborted.Commit);
    }

    [Fact]
    public void Existing_non_ecosim_folder_is_refused_and_left_untouched()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("thesis");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "chapter1.tex"), "precious");
        File.WriteAllText(Path.Combine(final, "manifest.json"), """{ "name": "some other tool" }""");

        var error = Assert.Throws<OutputFolderException>(() => RunOutputFolder.Begin(final));

        Assert.Equal(final, error.FolderPath);
        Assert.Contains(final, error.Message);
        Assert.Contains("not an EcoSim output", error.Message);
        Assert.Equal("precious", File.ReadAllText(Path.Combine(final, "chapter1.tex")));
        Assert.Equal([final], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void A_file_at_the_path_is_refused()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        File.WriteAllText(final, "a file");

        var error = Assert.Throws<OutputFolderException>(() => RunOutputFolder.Begin(final));

        Assert.Contains("file", error.Reason);
        Assert.Equal("a file", File.ReadAllText(final));
    }

    [Fact]
    public void Empty_existing_folder_is_accepted()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Directory.CreateDirectory(final);

        using RunOutputFolder folder = RunOutputFolder.Begin(final);
        WriteOutput(folder, "new");
        folder.Commit();

        Assert.Equal("new", File.ReadAllText(Path.Combine(final, "metrics.csv")));
    }

    [Fact]
    public void Earlier_ecosim_output_is_replaced_only_at_commit()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        using (RunOutputFolder first = RunOutputFolder.Begin(final))
        {
            File.WriteAllText(first.PathFor("only-in-old.txt"), "stale"); // listed in the old manifest, so EcoSim's to delete
            WriteOutput(first, "old");
            first.Commit();
        }

        using (RunOutputFolder second = RunOutputFolder.Begin(final, OutputMode.Overwrite))
        {
            WriteOutput(second, "new");
            Assert.Equal("old", File.ReadAllText(Path.Combine(final, "metrics.csv")));
            second.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(final, "metrics.csv")));
        Assert.False(File.Exists(Path.Combine(final, "only-in-old.txt")));
        Assert.Equal([final], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Interrupted_replacement_keeps_the_earlier_output()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        using (RunOutputFolder first = RunOutputFolder.Begin(final))
        {
            WriteOutput(first, "old");
            first.Commit();
        }

        using (RunOutputFolder second = RunOutputFolder.Begin(final, OutputMode.Overwrite))
            WriteOutput(second, "half-written"); // the run fails before Commit

        Assert.Equal("old", File.ReadAllText(Path.Combine(final, "metrics.csv")));
        Assert.Equal([final], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Commit_requires_the_manifest_so_the_folder_stays_recognisable()
    {
        using var temp = new TempFolder();
        using RunOutputFolder folder = RunOutputFolder.Begin(temp.Combine("out"));
        File.WriteAllText(folder.PathFor("metrics.csv"), "x");

        Assert.Throws<InvalidOperationException>(folder.Commit);
        Assert.False(Directory.Exists(folder.FinalPath));
    }

    [Fact]
    public void Folder_that_became_foreign_after_begin_is_not_overwritten()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        using RunOutputFolder folder = RunOutputFolder.Begin(final);
        WriteOutput(folder, "new");
        Directory.CreateDirectory(final);
        File.WriteAllText(Path.Combine(final, "notes.txt"), "mine");

        Assert.Throws<OutputFolderException>(folder.Commit);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(final, "notes.txt")));
    }

    [Fact]
    public void Trailing_separator_is_trimmed_from_the_final_path()
    {
        using var temp = new TempFolder();
        using RunOutputFolder folder = RunOutputFolder.Begin(temp.Combine("out") + Path.DirectorySeparatorChar);

        Assert.Equal(temp.Combine("out"), folder.FinalPath);
        Assert.Equal(temp.Path, Path.GetDirectoryName(folder.WorkingPath));
    }

    /// <summary>Writes a small output and its manifest, listing the files with their real hashes, as a command does.</summary>
    internal static void WriteOutput(RunOutputFolder folder, string content)
    {
        File.WriteAllText(folder.PathFor("metrics.csv"), content);
        Directory.CreateDirectory(folder.PathFor("plots"));
        File.WriteAllText(folder.PathFor("plots/rd.png"), content);
        ManifestWriter.Write(folder.PathFor(RunOutputFolder.ManifestFileName), ManifestTests.Sample() with { Files = ContentHash.DescribeFiles(folder.WorkingPath) });
    }

    /// <summary>Writes an output at <paramref name="final"/> as a finished command leaves it.</summary>
    internal static void Committed(string final, string content = "old")
    {
        using var folder = RunOutputFolder.Begin(final, OutputMode.Overwrite);
        WriteOutput(folder, content);
        folder.Commit();
    }
}
