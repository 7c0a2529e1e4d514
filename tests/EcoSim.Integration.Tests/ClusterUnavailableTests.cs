using EcoSim.Experiments.Engines;
using EcoSim.Hosting;

using static EcoSim.Integration.Tests.CliRunner;

namespace EcoSim.Integration.Tests;

/// <summary>
/// A cluster that cannot be reached, or that lost every silo, is told in one line that says what happened,
/// with no stack trace (none is promised without ECOSIM_DEBUG) and no "restarting on 3 silos" when none is left.
/// </summary>
public sealed class ClusterUnavailableTests
{
    private static string SmallScenario => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small.yaml");

    [Theory]
    [InlineData("run")]
    [InlineData("inspect")]
    public async Task A_client_whose_Redis_does_not_answer_says_so_in_one_line_and_writes_nothing(string command)
    {
        int port = SiloHosting.FreeLoopbackPort(); // nothing listens there
        string root = Path.Combine(Path.GetTempPath(), "ecosim-unavailable-" + Guid.NewGuid().ToString("N"));
        string[] args = command == "run"
            ? ["run", SmallScenario, "--cluster", $"redis://127.0.0.1:{port}/nobody", "--out", Path.Combine(root, "out"), "--no-plots"]
            : ["inspect", SmallScenario, "lab:0", "--tick", "1", "--cluster", $"redis://127.0.0.1:{port}/nobody"];
        var (code, output, errors) = await Ecosim(args);

        Assert.NotEqual(0, code);
        Assert.Contains($"the cluster redis://127.0.0.1:{port}/nobody cannot be reached: its membership store, Redis at 127.0.0.1:{port}, does not answer", errors);
        Assert.DoesNotContain("abortConnect", errors);
        Assert.DoesNotContain("   at ", errors + output);
        Assert.DoesNotContain("StackExchange.Redis", errors);
        // The run may make the folder its output goes in; nothing goes into it.
        Assert.True(!Directory.Exists(root) || Directory.GetFileSystemEntries(root).Length == 0, "a failed connection wrote something");
        if (Directory.Exists(root)) Directory.Delete(root);
    }

    [Fact]
    public async Task A_cluster_with_no_silo_left_is_not_restarted_on_three_silos()
    {
        var failure = new SiloUnavailableException("the gateway closed the connection");
        var lost = await Assert.ThrowsAsync<ClusterUnavailableException>(() =>
            SiloCensus.WaitForLossAsync(() => Task.FromResult<Census?>(null), 3, TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(20), failure, CancellationToken.None));
        Assert.StartsWith("every silo of the cluster was lost: none answered for 0 s after a silo could not take a message: the gateway closed the connection", lost.Message);
        Assert.Same(lost, lost.GetBaseException());
        Assert.DoesNotContain("restarting", lost.Message);
    }

    [Fact]
    public async Task A_cluster_that_answers_is_restarted_on_the_silos_it_has_left_once_none_is_suspected()
    {
        // Two silos killed: the first is declared dead while the survivor still suspects the second.
        var answers = new Queue<Census?>([null, new(3, false), new(2, true), new(2, true), new(1, false)]);
        int left = await SiloCensus.WaitForLossAsync(() => Task.FromResult(answers.Count > 1 ? answers.Dequeue() : answers.Peek()), 3,
            TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(1), new TimeoutException("late"), CancellationToken.None);
        Assert.Equal(1, left);
        Assert.Single(answers);
    }

    [Fact]
    public async Task A_cluster_that_only_ever_answers_with_every_silo_is_restarted_on_all_of_them()
    {
        int left = await SiloCensus.WaitForLossAsync(() => Task.FromResult<Census?>(new(3, false)), 3, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(10),
            new TimeoutException("late"), CancellationToken.None);
        Assert.Equal(3, left);
    }
}
