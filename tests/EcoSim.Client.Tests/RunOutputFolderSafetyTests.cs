using System.Diagnostics;
using EcoSim.Experiments.Output;
using static EcoSim.Client.Tests.RunOutputFolderTests;

namespace EcoSim.Client.Tests;

/// <summary>What a run may do to a folder that is already there, and how it behaves beside other commands and dead ones.</summary>
public sealed class RunOutputFolderSafetyTests
{
    [Fact]
    public void An_explicit_path_holding_an_earlier_output_is_refused_and_names_overwrite()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Committed(final);

        var error = Assert.Throws<OutputFolderException>(() => RunOutputFolder.Begin(final, OutputMode.Explicit));

        Assert.Contains(final, error.Message);
        Assert.Contains("--overwrite", error.Message);
        Assert.Contains("run of baseline, seed 18446744073709551615, written 2025-01-02 04:00 UTC", error.Message);
        Assert.Equal("old", File.ReadAllText(Path.Combine(final, "metrics.csv")));
        Assert.Equal([final], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void The_default_path_moves_on_to_a_fresh_name_and_says_which()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("runs", "baseline");
        Committed(final);
        Directory.CreateDirectory(final + "-2");
        File.WriteAllText(Path.Combine(final + "-2", "mine.txt"), "not EcoSim's");
        var notes = new StringWriter();

        using (var folder = RunOutputFolder.Begin(final, OutputMode.Fresh, notes))
        {
            Assert.Equal(final + "-3", folder.FinalPath);
            Assert.Equal(final + "-3", folder.ShownPath);
            WriteOutput(folder, "new");
            folder.Commit();
        }

        Assert.Contains($"{final} already exists; writing {final}-3 instead", notes.ToString());
        Assert.Equal("old", File.ReadAllText(Path.Combine(final, "metrics.csv")));
        Assert.Equal("not EcoSim's", File.ReadAllText(Path.Combine(final + "-2", "mine.txt")));
        Assert.Equal("new", File.ReadAllText(Path.Combine(final + "-3", "metrics.csv")));
    }

    [Fact]
    public void Overwrite_replaces_an_untouched_earlier_output_and_says_what_it_was()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Committed(final);
        var notes = new StringWriter();

        using (var folder = RunOutputFolder.Begin(final, OutputMode.Overwrite, notes))
        {
            WriteOutput(folder, "new");
            folder.Commit();
        }

        Assert.Equal("new", File.ReadAllText(Path.Combine(final, "metrics.csv")));
        Assert.Contains($"replaced the earlier output in {final}: run of baseline, seed 18446744073709551615, written 2025-01-02 04:00 UTC", notes.ToString());
    }

    [Fact]
    public void Overwrite_refuses_a_folder_with_files_ecosim_did_not_write_and_lists_them()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Committed(final);
        File.WriteAllText(Path.Combine(final, "notes.md"), "my notes");
        Directory.CreateDirectory(Path.Combine(final, "analysis"));
        File.WriteAllText(Path.Combine(final, "analysis", "a.py"), "print(1)");

        var error = Assert.Throws<OutputFolderException>(() => RunOutputFolder.Begin(final, OutputMode.Overwrite));

        Assert.Contains("3 entries EcoSim did not write or that changed", error.Message);
        Assert.Contains("analysis/ (not written by EcoSim)", error.Message);
        Assert.Contains("analysis/a.py (not written by EcoSim)", error.Message);
        Assert.Contains("notes.md (not written by EcoSim)", error.Message);
        Assert.Equal("my notes", File.ReadAllText(Path.Combine(final, "notes.md")));
        Assert.Equal("print(1)", File.ReadAllText(Path.Combine(final, "analysis", "a.py")));
        Assert.Equal([final], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Overwrite_refuses_a_folder_whose_file_was_changed_and_counts_past_the_first_five()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Committed(final);
        File.AppendAllText(Path.Combine(final, "metrics.csv"), "an edit");
        for (int i = 0; i < 6; i++) File.WriteAllText(Path.Combine(final, $"extra{i}.txt"), "x");

        var error = Assert.Throws<OutputFolderException>(() => RunOutputFolder.Begin(final, OutputMode.Overwrite));

        Assert.Contains("7 entries", error.Message);
        Assert.Contains("extra0.txt (not written by EcoSim)", error.Message);
        Assert.DoesNotContain("extra5.txt", error.Message);
        Assert.Contains("and 2 more", error.Message);
        Assert.Contains("an edit", File.ReadAllText(Path.Combine(final, "metrics.csv")));
    }

    [Fact]
    public void Overwrite_checks_again_at_commit_and_keeps_a_file_added_during_the_run()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Committed(final);
        using var folder = RunOutputFolder.Begin(final, OutputMode.Overwrite);
        WriteOutput(folder, "new");
        File.WriteAllText(Path.Combine(final, "notes.md"), "written while it ran");

        var error = Assert.Throws<OutputFolderException>(folder.Commit);

        Assert.Contains("notes.md", error.Message);
        Assert.Equal("written while it ran", File.ReadAllText(Path.Combine(final, "notes.md")));
        Assert.Equal("old", File.ReadAllText(Path.Combine(final, "metrics.csv")));
    }

    [Fact]
    public void A_link_given_as_the_path_gets_the_output_where_it_points()
    {
        using var temp = new TempFolder();
        string target = temp.Combine("elsewhere", "results");
        Directory.CreateDirectory(target);
        string link = temp.Combine("out");
        Directory.CreateSymbolicLink(link, target);
        var notes = new StringWriter();

        using (var folder = RunOutputFolder.Begin(link, OutputMode.Explicit, notes))
        {
            Assert.Equal(target, folder.FinalPath);
            WriteOutput(folder, "new");
            folder.Commit();
        }

        Assert.Equal(target, new DirectoryInfo(link).LinkTarget);
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "metrics.csv")));
        Assert.Contains($"{link} is a link to {target}", notes.ToString());
    }

    [Fact]
    public void A_second_writer_of_the_same_path_is_refused_while_the_first_holds_it()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        var first = RunOutputFolder.Begin(final);

        var error = Assert.Throws<OutputFolderException>(() => RunOutputFolder.Begin(final, OutputMode.Overwrite));
        Assert.Contains("another ecosim command is writing it", error.Message);
        using (var fresh = RunOutputFolder.Begin(final, OutputMode.Fresh))
            Assert.Equal(final + "-2", fresh.FinalPath); // the default path moves on instead

        WriteOutput(first, "first");
        first.Commit();
        first.Dispose();
        using var later = RunOutputFolder.Begin(final, OutputMode.Overwrite);
        Assert.Equal(new[] { final, later.WorkingPath, Path.Combine(temp.Path, ".out.lock") }.Order(StringComparer.Ordinal), Directory.GetFileSystemEntries(temp.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Of_four_concurrent_writers_exactly_one_gets_the_path()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        using var start = new Barrier(4);
        var outcomes = Enumerable.Range(0, 4).Select(i => Task.Run(() =>
        {
            start.SignalAndWait();
            try { return RunOutputFolder.Begin(final); }
            catch (OutputFolderException) { return null; }
        })).ToArray();
        var winners = (await Task.WhenAll(outcomes)).OfType<RunOutputFolder>().ToList();
        try
        {
            Assert.Single(winners);
        }
        finally
        {
            foreach (var w in winners) w.Dispose();
        }
        Assert.Empty(Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void Working_folders_left_by_dead_writers_are_removed_and_nothing_else()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        string[] abandoned = [temp.Combine(".out.partial-999999-1"), temp.Combine(".out.partial-999999-2")];
        foreach (string a in abandoned)
        {
            Directory.CreateDirectory(Path.Combine(a, "plots"));
            File.WriteAllText(Path.Combine(a, "metrics.csv"), "half");
        }
        string[] kept = [temp.Combine(".out.partial-notes"), temp.Combine(".other.partial-999999-1"), temp.Combine(".out-2.partial-999999-1"), temp.Combine("out.partial-999999-1")];
        foreach (string k in kept) Directory.CreateDirectory(k);
        string elsewhere = temp.Combine("precious");
        Directory.CreateDirectory(elsewhere);
        File.WriteAllText(Path.Combine(elsewhere, "data.txt"), "keep");
        Directory.CreateSymbolicLink(temp.Combine(".out.partial-999999-3"), elsewhere);
        var notes = new StringWriter();

        using (var folder = RunOutputFolder.Begin(final, OutputMode.Explicit, notes))
        {
            foreach (string a in abandoned) Assert.False(Directory.Exists(a));
            foreach (string k in kept) Assert.True(Directory.Exists(k));
            Assert.True(Directory.Exists(temp.Combine(".out.partial-999999-3")));
        }

        Assert.Equal("keep", File.ReadAllText(Path.Combine(elsewhere, "data.txt")));
        Assert.Contains("removed 2 unfinished working folders", notes.ToString());
    }

    [Fact]
    public void An_earlier_output_moved_aside_by_a_writer_that_died_is_put_back()
    {
        using var temp = new TempFolder();
        string final = temp.Combine("out");
        Committed(final);
        string aside = temp.Combine(".out.old-999999-1");
        Directory.Move(final, aside); // as a replacement stopped between its two renames leaves it

        using (RunOutputFolder.Begin(final, OutputMode.Overwrite)) { }

        Assert.Equal("old", File.ReadAllText(Path.Combine(final, "metrics.csv")));
        Assert.False(Directory.Exists(aside));
    }

    [Fact]
    public void A_folder_that_cannot_be_renamed_is_refused_before_anything_runs()
    {
        if (!OperatingSystem.IsLinux()) return;
        using var temp = new TempFolder();
        string final = temp.Combine("locked-down");
        Directory.CreateDirectory(final);
        // Root may rename anything it may write, so make the folder immutable; other users cannot rename out of a read-only parent.
        bool root = Environment.UserName == "root";
        if (root) Run("chattr", "+i", final);
        else File.SetUnixFileMode(temp.Path, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var error = Assert.Throws<OutputFolderException>(() => RunOutputFolder.Begin(final, OutputMode.Explicit));
            Assert.Contains(final, error.Message);
            Assert.True(Directory.Exists(final));
            Assert.Equal([final], Directory.GetFileSystemEntries(temp.Path));
        }
        finally
        {
            if (root) Run("chattr", "-i", final);
            else File.SetUnixFileMode(temp.Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static void Run(string program, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardError = true }) ?? throw new InvalidOperationException($"cannot start {program}");
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)}: {process.StandardError.ReadToEnd()}");
    }
}
