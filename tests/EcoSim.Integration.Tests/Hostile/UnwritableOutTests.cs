using System.Diagnostics;
using static EcoSim.Integration.Tests.CliRunner;

namespace EcoSim.Integration.Tests.Hostile;

/// <summary>
/// An <c>--out</c> that cannot take the results (a folder that cannot be replaced, as a mount point or a read-only
/// one cannot, or a folder inside a read-only one) is refused before the first tick, not after the whole run: the
/// "running ..." line that starts the ticks is never printed, and nothing is left behind.
/// </summary>
public sealed class UnwritableOutTests
{
    /// <summary>Each command that writes a folder, with the full horizon of the small world (no --ticks).</summary>
    public static TheoryData<string, bool> Cases => new()
    {
        { "run", false }, { "run", true }, { "run --seeds 2", true }, { "compare", true }, { "sweep", false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_out_that_cannot_take_the_results_is_refused_before_the_first_tick(string command, bool inside)
    {
        if (!OperatingSystem.IsLinux()) return;
        string root = TestFiles.NewTempFolder();
        string locked = Path.Combine(root, "read-only");
        Directory.CreateDirectory(locked);
        string outDir = inside ? Path.Combine(locked, "results") : locked;
        // Root may write and rename anything the mode bits forbid, so for root the folder is made immutable (as a
        // read-only mount is); anyone else gets a read-only folder to write in.
        string frozen = IsRoot ? locked : Path.GetDirectoryName(outDir)!;
        Lock(frozen, true);
        try
        {
            var (code, output, errors) = await Ecosim(Command(command, outDir));

            Assert.Equal(2, code);
            Assert.Contains($"output folder '{outDir}' cannot be used", errors);
            Assert.DoesNotContain("running ", output + errors);
            Assert.DoesNotContain("wrote ", output);
        }
        finally { Lock(frozen, false); }
        Assert.Empty(Directory.GetFileSystemEntries(locked));
        Assert.Equal([locked], Directory.GetFileSystemEntries(root));
    }

    private static string[] Command(string command, string outDir)
    {
        string small = TestFiles.SmallScenario, baseline = Path.Combine(Path.GetDirectoryName(small)!, "small-baseline.yaml");
        string[] head = command switch
        {
            "run" => ["run", small],
            "run --seeds 2" => ["run", small, "--seeds", "2"],
            "compare" => ["compare", baseline, small, "--seeds", "1"],
            "sweep" => ["sweep", small, "-p", "basicShare=0.1:0.2:0.1", "--seeds", "1"],
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
        return [.. head, "--engine", "reference", "--no-plots", "--out", outDir];
    }

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>Makes <paramref name="folder"/> immutable (root) or read-only (anyone else), or writable again.</summary>
    private static void Lock(string folder, bool locked)
    {
        if (IsRoot)
        {
            using var chattr = Process.Start("chattr", [locked ? "+i" : "-i", folder]);
            chattr.WaitForExit();
            Assert.True(chattr.ExitCode == 0, $"chattr {(locked ? "+i" : "-i")} {folder} failed");
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, locked
                ? UnixFileMode.UserRead | UnixFileMode.UserExecute
                : UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }
}
