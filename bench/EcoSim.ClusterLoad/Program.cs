using System.Diagnostics;
using System.Globalization;
using EcoSim.ClusterLoad;
using EcoSim.Experiments.Engines;
using EcoSim.Hosting;
using EcoSim.Model.Engine;
using EcoSim.Scenarios;

// Load on a running cluster (scripts/cluster.sh start): ROUNDS rounds of RUNS concurrent runs of a short scenario,
// every run checked tick by tick against one solo run, with each silo's resident memory before, at its peak during,
// and after each round; then a full garbage collection on every silo (IManagementGrain.ForceGarbageCollection) and
// the memory once more, to tell memory that is held from memory that is only not yet given back.
//   dotnet run -c Release --project bench/EcoSim.ClusterLoad -- CLUSTER-URL CREDENTIALS-FOLDER STATE-FOLDER [SCENARIO] [RUNS] [ROUNDS]
//   dotnet run -c Release --project bench/EcoSim.ClusterLoad -- --large-world CLUSTER-URL CREDENTIALS-FOLDER STATE-FOLDER [FIRMS] [TICKS]   (see LargeWorld)
if (args.Length > 0 && args[0] == LargeWorld.Argument) return await LargeWorld.RunAsync(args[1..]);
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: EcoSim.ClusterLoad CLUSTER-URL CREDENTIALS-FOLDER STATE-FOLDER [SCENARIO] [RUNS] [ROUNDS]");
    return 2;
}
string scenarioPath = args.Length > 3 ? args[3] : Path.Combine("tests", "EcoSim.Integration.Tests", "Scenarios", "small.yaml");
int runs = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 50;
int rounds = args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 4;
if (!ClusterAddress.TryParse(args[0], out var options)) { Console.Error.WriteLine($"'{args[0]}' is not {ClusterAddress.Forms}"); return 2; }
options.Credentials = args[1];
var memory = new SiloMemory(args[2]);
var world = ScenarioLoader.Load(scenarioPath).World;

await using var connection = await OrleansConnections.ConnectAsync(options, CancellationToken.None);
var management = connection.Grains.GetGrain<IManagementGrain>(0);
Console.WriteLine($"cluster {args[0]}: {connection.SiloCount} silos (pids {string.Join(", ", memory.Processes)}); {runs} concurrent runs of {Path.GetFileName(scenarioPath)} ({world.Ticks} ticks) a round, {rounds} rounds");
Console.WriteLine($"before anything: {Megabytes(memory.ResidentMegabytes())}");

var solo = await RunAsync();
Console.WriteLine($"after one solo run: {Megabytes(memory.ResidentMegabytes())}, {await EcoSimActivations()} EcoSim activations");
Console.WriteLine();
Console.WriteLine("| round | time | identical to solo | RSS before (MB) | peak during (MB) | after, 10 s later (MB) | EcoSim activations after |");
Console.WriteLine("|---|---|---|---|---|---|---|");
for (int round = 1; round <= rounds; round++)
{
    var before = memory.ResidentMegabytes();
    var peak = before.ToArray();
    using var sampling = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        while (!sampling.IsCancellationRequested)
        {
            var now = memory.ResidentMegabytes();
            for (int s = 0; s < peak.Length; s++) peak[s] = Math.Max(peak[s], now[s]);
            try { await Task.Delay(250, sampling.Token); } catch (OperationCanceledException) { }
        }
    });
    var clock = Stopwatch.StartNew();
    var results = await Task.WhenAll(Enumerable.Range(0, runs).Select(_ => RunAsync()));
    var elapsed = clock.Elapsed;
    await sampling.CancelAsync();
    await sampler;
    int identical = results.Count(r => r.Count == solo.Count && r.Zip(solo).All(p => p.First.Tick == p.Second.Tick && p.First.Rows.SequenceEqual(p.Second.Rows)));
    await Task.Delay(TimeSpan.FromSeconds(10));
    Console.WriteLine($"| {round} | {elapsed.TotalSeconds:0.0} s | {identical} of {runs} | {Megabytes(before)} | {Megabytes(peak)} | {Megabytes(memory.ResidentMegabytes())} | {await EcoSimActivations()} |");
}
var hosts = (await management.GetHosts(onlyActive: true)).Keys.ToArray();
await management.ForceGarbageCollection(hosts);
await Task.Delay(TimeSpan.FromSeconds(5));
Console.WriteLine();
Console.WriteLine($"after a forced full garbage collection on every silo: {Megabytes(memory.ResidentMegabytes())}, {await EcoSimActivations()} EcoSim activations");
foreach (var type in (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("EcoSim", StringComparison.Ordinal)).GroupBy(s => s.GrainType))
    Console.WriteLine($"  {type.Key}: {type.Sum(s => s.ActivationCount)}");
return 0;

// One run of the world, its ticks in order; the engine borrows the shared connection, so ending it leaves the connection open.
async Task<List<TickOutcome>> RunAsync()
{
    await using var engine = new OrleansSimulation(OrleansConnections.Borrow(connection.Grains, connection.SiloCount), firmsPerShard: 4096);
    var ticks = new List<TickOutcome>();
    await foreach (var tick in engine.RunAsync(world, CancellationToken.None)) ticks.Add(tick);
    return ticks;
}

// Activations of EcoSim's grains across the cluster (Orleans' own system grains left out).
async Task<int> EcoSimActivations() =>
    (await management.GetSimpleGrainStatistics()).Where(s => s.GrainType.Contains("EcoSim", StringComparison.Ordinal)).Sum(s => s.ActivationCount);

static string Megabytes(double[] silos) => string.Join(" / ", silos.Select(m => m.ToString("0", CultureInfo.InvariantCulture)));
