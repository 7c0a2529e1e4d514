using EcoSim.Client.Cli;
using EcoSim.Hosting;
using Xunit.Abstractions;

using static EcoSim.Cluster.Tests.ClusterCli;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// The cluster of scripts/cluster.sh as separate hosts would run it, on loopback addresses of their own
/// (127.0.0.2, 127.0.0.3, 127.0.0.4), with mutual TLS and a Redis password: a client without the
/// credentials, or with another cluster's, is refused in words; the secret is on no command line.
/// (The run with the credentials, and its bytes, is in <see cref="RunOnTheClusterTests"/>.)
/// </summary>
[Collection(OneClusterCollection.Name)]
public sealed class SecureClusterTests(ITestOutputHelper log)
{
    private static readonly TimeSpan ChildTimeout = TimeSpan.FromSeconds(120);
    private static string SmallScenario => Path.Combine(AppContext.BaseDirectory, "Scenarios", "small.yaml");
    private static string[] SeparateHosts => ["127.0.0.2", "127.0.0.3", "127.0.0.4"];

    [ClusterFact]
    public void The_silos_run_on_three_addresses_with_tls_and_the_redis_password()
    {
        var addresses = ClusterEnvironment.SiloArguments.Select(args => args.Single(a => a.StartsWith("--EcoSim:Cluster:Address=", StringComparison.Ordinal)).Split('=')[1]);
        Assert.True(SeparateHosts.SequenceEqual(addresses.Order(StringComparer.Ordinal)),
            $"the silos bind {string.Join(", ", addresses)}; these tests expect the cluster of .ci/run: scripts/cluster.sh start --silos 3 --addresses {string.Join(",", SeparateHosts)}");
        var credentials = ClusterCredentialFiles.Read(ClusterEnvironment.CredentialsFolder);
        Assert.True(credentials.UsesTls, "the cluster was started with --no-tls; these tests expect TLS");
        Assert.NotNull(credentials.Secret);
        foreach (string silo in Directory.GetFiles(ClusterEnvironment.StateFolder, "silo-*.log"))
            Assert.Contains("mutual TLS, Redis password", File.ReadAllText(silo));
    }

    [ClusterFact]
    public void The_secret_is_on_no_command_line()
    {
        string secret = ClusterCredentialFiles.Read(ClusterEnvironment.CredentialsFolder).Secret!;
        int seen = 0;
        foreach (int pid in ClusterEnvironment.Processes)
        {
            // Another test may have just killed a silo: a process that is gone shows nothing.
            string commandLine;
            try { commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' '); }
            catch (IOException) { continue; }
            seen++;
            Assert.False(commandLine.Contains(secret, StringComparison.Ordinal), $"process {pid} shows the secret: {commandLine}");
        }
        Assert.True(seen >= ClusterEnvironment.ExpectedSilos, $"only {seen} of the cluster's processes were found");
    }

    [ClusterFact]
    public void A_client_without_the_credentials_is_refused_in_words_without_a_stack_trace()
    {
        // A process of its own, so that every line it prints is seen, with no credentials in its environment.
        var (code, output, errors) = ClusterEnvironment.Child("dotnet",
            [Path.Combine(AppContext.BaseDirectory, "ecosim.dll"), "run", SmallScenario, "--cluster", ClusterEnvironment.Address, "--out", NewTempFolder(), "--no-plots"],
            ChildTimeout, new() { [ClusterCredentials.FolderVariable] = null, [ClusterCredentials.SecretVariable] = null, ["ECOSIM_DEBUG"] = null });
        log.WriteLine(errors);
        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("refused this client: its Redis asks for a password and none was given", errors);
        Assert.Contains("--cluster-credentials", errors);
        AssertNoStackTrace(output + errors);
    }

    [ClusterFact]
    public async Task A_client_with_another_clusters_credentials_is_refused_by_the_gateways()
    {
        string theirs = Path.Combine(NewTempFolder(), "theirs");
        ClusterCredentialFiles.Create(theirs, "intruder", tls: true);
        // Even the right Redis password does not help without the cluster's certificate.
        File.Copy(Path.Combine(ClusterEnvironment.CredentialsFolder, ClusterCredentialFiles.SecretFile), Path.Combine(theirs, ClusterCredentialFiles.SecretFile), overwrite: true);

        var run = await Ecosim("run", SmallScenario, "--cluster", ClusterEnvironment.Address, "--cluster-credentials", theirs, "--out", NewTempFolder(), "--no-plots");
        log.WriteLine(run.Errors);
        Assert.Equal(ExitCodes.Failed, run.Code);
        Assert.Contains("refused this client: its gateways broke off the connection", run.Errors);
        AssertNoStackTrace(run.Errors);
    }

    [ClusterFact]
    public async Task A_client_without_tls_is_refused_by_a_gateway()
    {
        string gateway = ClusterEnvironment.SiloArguments[0].Single(a => a.StartsWith("--EcoSim:Cluster:GatewayPort=", StringComparison.Ordinal)).Split('=')[1];
        string host = ClusterEnvironment.SiloArguments[0].Single(a => a.StartsWith("--EcoSim:Cluster:Address=", StringComparison.Ordinal)).Split('=')[1];
        string plain = Path.Combine(NewTempFolder(), "plain");
        ClusterCredentialFiles.Create(plain, "plain", tls: false);

        var run = await Ecosim("run", SmallScenario, "--cluster", $"{host}:{gateway}", "--cluster-credentials", plain, "--out", NewTempFolder(), "--no-plots");
        log.WriteLine(run.Errors);
        Assert.Equal(ExitCodes.Failed, run.Code);
        Assert.Contains("A cluster with TLS refuses a client without its certificate", run.Errors);
    }

    [ClusterFact]
    public void A_silo_refuses_an_address_that_is_not_loopback_without_credentials()
    {
        var (code, output, errors) = ClusterEnvironment.Child("dotnet",
            [ClusterEnvironment.SiloAssembly, "--EcoSim:Cluster:Clustering=redis", "--EcoSim:Cluster:Address=192.0.2.10", "--EcoSim:Cluster:ClusterId=exposed"],
            ChildTimeout, new() { [ClusterCredentials.SecretVariable] = null });
        log.WriteLine(errors);
        Assert.Equal(2, code);
        Assert.Contains("EcoSim silo: error: refusing to bind 192.0.2.10, which is not a loopback address, without TLS (no cluster certificate) and a Redis password", errors);
        Assert.Contains(ClusterExposure.InsecureSetting, errors);
        AssertNoStackTrace(output + errors);
    }

    private static void AssertNoStackTrace(string text) =>
        Assert.False(text.Split('\n').Any(line => line.TrimStart().StartsWith("at ", StringComparison.Ordinal) || line.Contains("Exception:", StringComparison.Ordinal)), text);
}
