using BenchmarkDotNet.Attributes;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace EcoSim.Bench;

/// <summary>
/// The Orleans serializer round-tripping (serialise into a reused buffer, deserialise) the messages of
/// a tick, through the surrogates in EcoSim.Grains.Abstractions, on real values from the fourth tick
/// of the baseline: what a grain call costs beyond the call itself when it crosses silos.
/// </summary>
[MemoryDiagnoser]
public class SerializationBenchmarks
{
    /// <summary>Entrants in one batch appended to a shard (a large cluster's entry in one tick is of this order).</summary>
    public const int BatchFirms = 256;

    private readonly byte[] _buffer = new byte[1 << 20];
    private ServiceProvider _services = null!;
    private ClusterSignals _signals = null!;
    private FirmReport _firmReport = null!;
    private LabReport _labReport = null!;
    private TickRows _rows = null!;
    private FirmRecord[] _batch = [];
    private Serializer<ClusterSignals> _signalsCodec = null!;
    private Serializer<FirmReport> _firmReportCodec = null!;
    private Serializer<LabReport> _labReportCodec = null!;
    private Serializer<TickRows> _rowsCodec = null!;
    private Serializer<FirmRecord[]> _batchCodec = null!;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddSerializer(serializer => serializer.AddAssembly(typeof(TickRows).Assembly)).BuildServiceProvider();
        var region = RegionAtTick.After(BenchWorlds.Baseline(10_000, 8), 4);
        var last = region.Last;
        _signals = last.Signals[0];
        _firmReport = last.FirmReports[0];
        _labReport = last.LabReports[0];
        _rows = new TickRows(last.Tick, last.Rows);
        var firms = region.Firms[0];
        _batch = [.. Enumerable.Range(0, BatchFirms).Select(i => firms.Read(i % firms.Count))];
        _signalsCodec = Codec<ClusterSignals>();
        _firmReportCodec = Codec<FirmReport>();
        _labReportCodec = Codec<LabReport>();
        _rowsCodec = Codec<TickRows>();
        _batchCodec = Codec<FirmRecord[]>();
        if (!MetricsRows().Rows.SequenceEqual(_rows.Rows)) throw new InvalidOperationException("metrics rows do not survive the round trip");
    }

    [GlobalCleanup]
    public void Cleanup() => _services.Dispose();

    [Benchmark(Description = "ClusterSignals")]
    public ClusterSignals Signals() => RoundTrip(_signalsCodec, _signals);

    [Benchmark(Description = "FirmReport (sum vector)")]
    public FirmReport FirmReport() => RoundTrip(_firmReportCodec, _firmReport);

    [Benchmark(Description = "LabReport (sum vector)")]
    public LabReport LabReport() => RoundTrip(_labReportCodec, _labReport);

    [Benchmark(Description = "TickRows: 21 MetricsRow rows")]
    public TickRows MetricsRows() => RoundTrip(_rowsCodec, _rows);

    [Benchmark(Description = "FirmRecord[256] batch of entrants")]
    public FirmRecord[] FirmBatch() => RoundTrip(_batchCodec, _batch);

    private Serializer<T> Codec<T>() => _services.GetRequiredService<Serializer<T>>();

    private T RoundTrip<T>(Serializer<T> serializer, T value)
    {
        int length = serializer.Serialize(value, _buffer);
        return serializer.Deserialize(new ReadOnlySpan<byte>(_buffer, 0, length))
               ?? throw new InvalidOperationException($"{typeof(T).Name} came back null");
    }
}
