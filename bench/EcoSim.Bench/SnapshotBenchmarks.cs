using BenchmarkDotNet.Attributes;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;
using EcoSim.Scenarios;

namespace EcoSim.Bench;

/// <summary>
/// One checkpoint of the baseline (75,000 firms at the start) after 56 quarters, as <c>ecosim run --checkpoint-every</c>
/// without a firm panel takes and writes it (<see cref="SnapshotCapture.Take"/>, then <see cref="CapturedSnapshot.WriteTo"/>
/// through the file's own SHA-256, as the checkpoint folder writes it): into a stream that keeps nothing, which is the
/// copy, the encoding and both SHA-256 passes, and into a file, which adds the kernel's copy into the page cache. The
/// steady state of a long run, JIT done; docs/PERFORMANCE.md, section 32.
/// </summary>
[MemoryDiagnoser]
public class SnapshotBenchmarks
{
    /// <summary>Quarters run before the checkpoint: the middle of the baseline's 108 (about 7 MB).</summary>
    public const int Quarters = 56;

    private SnapshotWorld _world = null!;
    private List<MetricsRow> _history = [];
    private RunState _state = null!;
    private string _folder = "";
    private int _files;

    [GlobalSetup]
    public void Setup()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "EcoSim.sln"))) dir = dir.Parent;
        var scenario = ScenarioLoader.Load(Path.Combine(dir!.FullName, "scenarios", "guangdong-baseline.yaml"));
        var spec = scenario.World;
        var engine = new ReferenceEngine(spec, ExitRetention.None);
        while (engine.Tick < Quarters) _history.AddRange(engine.Step().Rows);
        _state = engine.State;
        _world = SnapshotWorld.Of(new ScenarioIdentity(scenario.Name, scenario.CombinedText, scenario.Sha256), spec, engine.Tick, _state.Labs.Length, _state.Funds.Length);
        _folder = Directory.CreateTempSubdirectory("ecosim-snapshot-bench-").FullName;
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark(Description = "checkpoint into a stream that keeps nothing")]
    public string ToNull()
    {
        using var hashed = new TallyStream(Stream.Null, hash: true);
        new SnapshotCapture().Take(_world, _history, _state).WriteTo(hashed);
        return hashed.Sha256();
    }

    [Benchmark(Description = "checkpoint file")]
    public string ToFile()
    {
        string path = Path.Combine(_folder, $"{_files++}.ecosnap");
        string sha256;
        using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        using (var hashed = new TallyStream(file, hash: true))
        {
            new SnapshotCapture().Take(_world, _history, _state).WriteTo(hashed);
            sha256 = hashed.Sha256();
        }
        File.Delete(path);
        return sha256;
    }
}
