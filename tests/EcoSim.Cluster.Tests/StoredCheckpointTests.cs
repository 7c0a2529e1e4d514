using EcoSim.Experiments.Engines;
using EcoSim.Grains.Abstractions;
using EcoSim.Model.Engine;
using EcoSim.Model.Metrics;
using EcoSim.Model.Snapshots;
using EcoSim.Model.State;
using EcoSim.Model.World;
using EcoSim.Scenarios;
using Xunit;

namespace EcoSim.Cluster.Tests;

/// <summary>
/// The cluster's checkpoint store on an embedded silo (its store in memory; the grains and the checks are those of a
/// cluster on Redis): a checkpoint stored part by part continues in fresh grains to the bytes of an uninterrupted run,
/// its record lists the hashes a checkpoint file of the same tick carries, the file written from its parts is that file's
/// bytes, and a part missing from the store or
/// changed in it is refused with its name.
/// </summary>
public sealed class StoredCheckpointTests : IAsyncLifetime
{
    private const int CutTick = 3;
    private static readonly ScenarioIdentity Identity = new("small", "", "");
    private readonly RunLayout _layout = new(64);
    private IOrleansConnection _connection = null!;
    private WorldSpec _world = null!;

    public async Task InitializeAsync()
    {
        _connection = await OrleansConnections.StartEmbeddedAsync(CancellationToken.None);
        _world = ScenarioLoader.Load(SmallRuns.Scenario).World;
    }

    public async Task DisposeAsync() => await _connection.DisposeAsync();

    [Fact]
    public async Task A_stored_checkpoint_continues_in_fresh_grains_to_the_bytes_of_the_uninterrupted_run()
    {
        var (store, record, whole) = await StoreAfterCutAsync();
        var fresh = new RunAttempt(_connection.Grains);
        await fresh.RestoreAsync(_world, _layout, store, await store.ReadAsync(CutTick));
        var rows = new List<MetricsRow>();
        for (int t = CutTick; t < _world.Ticks; t++) rows.AddRange((await fresh.StepAsync()).Rows);
        await fresh.StopAsync();
        Assert.Equal(whole.Skip(whole.Count - rows.Count), rows);
        Assert.Equal(CutTick, record.Tick);
        await store.ClearAsync();
    }

    [Fact]
    public async Task Checkpoints_written_while_the_run_steps_on_continue_to_the_same_bytes_and_take_turns_between_two_slots()
    {
        var run = new RunAttempt(_connection.Grains);
        await run.StartAsync(_world, _layout);
        var store = StoredCheckpoints.New(_connection.Grains);
        var whole = new List<MetricsRow>();
        StoredCheckpointRecord? first = null;
        for (int t = 0; t < _world.Ticks; t++)
        {
            whole.AddRange((await run.StepAsync()).Rows);
            // Handed over and not waited for: the next ticks run while the store writes.
            if (t + 1 == CutTick) await store.BeginAsync(run, t + 1, Identity);
            if (t + 1 == CutTick + 2) { first = await store.SettleAsync(); await store.BeginAsync(run, t + 1, Identity); }
        }
        await run.StopAsync();
        var newest = await store.SettleAsync();
        Assert.Equal(CutTick + 2, newest!.Tick);
        Assert.Equal((0, 1), (first!.Slot, newest.Slot));
        Assert.Equal(newest.Tick, (await store.Record.Read())!.Tick);
        var continued = await ContinueAsync(store, newest.Tick);
        Assert.NotEmpty(continued);
        Assert.Equal(whole.Skip(whole.Count - continued.Count), continued);
        // The checkpoint before the newest stays whole in the other slot until the next one is written over it.
        int firms0 = Array.IndexOf(first.Parts, SnapshotParts.Firms(0));
        var older = await store.Holder(SnapshotParts.Firms(0)).Read(first.Slot, SnapshotParts.Firms(0), first.Sha256[firms0]);
        Assert.Equal(Convert.ToHexString(first.Sha256[firms0]), Convert.ToHexString(older.Sha256));
        Assert.Equal(newest.Tick, await store.RestartPointAsync());
        await store.ClearAsync();
    }

    [Fact]
    public async Task A_checkpoint_cut_short_between_its_write_and_its_record_leaves_the_one_before_whole()
    {
        var run = new RunAttempt(_connection.Grains);
        await run.StartAsync(_world, _layout);
        var store = StoredCheckpoints.New(_connection.Grains);
        var whole = new List<MetricsRow>();
        StoredCheckpointRecord? first = null, second = null;
        for (int t = 0; t < _world.Ticks; t++)
        {
            whole.AddRange((await run.StepAsync()).Rows);
            if (t + 1 == CutTick) first = await store.StoreAsync(run, t + 1, Identity);
            if (t + 1 == CutTick + 1) second = await store.StoreAsync(run, t + 1, Identity);
            if (t + 1 == CutTick + 2)
            {
                // A third checkpoint written over the first's slot, every holder's write done, and then cut short: no record.
                int slot = store.NextSlot;
                Assert.Equal(first!.Slot, slot);
                var names = await run.HandToStoreAsync(store, slot, Identity);
                await Task.WhenAll(names.Select(store.HolderKey).Distinct().Select(key => _connection.Grains.GetGrain<IStoredPartsGrain>(key).Confirm(slot)));
            }
        }
        await run.StopAsync();
        Assert.Equal(second!.Tick, (await store.Record.Read())!.Tick);
        Assert.Equal(second.Tick, await store.RestartPointAsync());
        // The first checkpoint's slot now holds the third's parts: read by the first's record, they are refused, never handed out.
        int firms0 = Array.IndexOf(first!.Parts, SnapshotParts.Firms(0));
        var overwritten = await Assert.ThrowsAsync<SnapshotException>(() => store.Holder(SnapshotParts.Firms(0)).Read(first.Slot, SnapshotParts.Firms(0), first.Sha256[firms0]));
        Assert.Contains("SHA-256", overwritten.Message, StringComparison.Ordinal);
        var continued = await ContinueAsync(store, second.Tick);
        Assert.NotEmpty(continued);
        Assert.Equal(whole.Skip(whole.Count - continued.Count), continued);
        await store.ClearAsync();
    }

    [Fact]
    public async Task A_holder_never_given_parts_for_a_slot_cannot_confirm_it()
    {
        var store = StoredCheckpoints.New(_connection.Grains);
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => store.Holder(SnapshotParts.Firms(0)).Confirm(0));
        Assert.Contains("hold nothing being written", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Firms_handed_over_as_columns_are_stored_as_the_part_a_file_holds_and_confirmed_with_its_hash()
    {
        var engine = new ReferenceEngine(_world);
        while (engine.Tick < CutTick) engine.Step();
        var shard = FirmShard.Of(FirmColumns.Of(engine.State.Firms[1])); // every firm in the slots, the exited too, as a restored shard holds them
        int cut = shard.Count / 3;
        var expected = PartCodec.Firms(1, [FirmColumns.Of(shard)]);
        var store = StoredCheckpoints.New(_connection.Grains);
        var holder = store.Holder(SnapshotParts.Firms(1));
        await holder.Accept(1, [], 1, [FirmColumns.Of(shard, 0, cut), FirmColumns.Of(shard, cut, shard.Count - cut)]);
        var confirmed = await holder.Confirm(1);
        Assert.Equal([SnapshotParts.Firms(1)], confirmed.Names);
        Assert.Equal(Convert.ToHexString(expected.Sha256), Convert.ToHexString(confirmed.Sha256[0]));
        var stored = await holder.Read(1, SnapshotParts.Firms(1), expected.Sha256);
        Assert.Equal(expected.Stored, stored.Stored);
        Assert.Equal(expected.RawLength, stored.RawLength);
        await holder.Clear();
    }

    [Fact]
    public async Task The_record_lists_every_part_but_the_metrics_with_the_hashes_of_a_checkpoint_file_of_the_same_tick()
    {
        var run = new RunAttempt(_connection.Grains);
        await run.StartAsync(_world, _layout);
        var history = new List<MetricsRow>();
        for (int t = 0; t < CutTick; t++) history.AddRange((await run.StepAsync()).Rows);
        var store = StoredCheckpoints.New(_connection.Grains);
        var record = await store.StoreAsync(run, CutTick, Identity);
        using var file = new MemoryStream();
        await run.WriteSnapshotAsync(file, Identity, history);
        await run.StopAsync();
        // The file a checkpoint also kept in the store is written from: the store's parts and the client's metrics.
        using var fromStore = new MemoryStream();
        await store.WriteSnapshotAsync(fromStore, record, PartCodec.Metrics(history));
        Assert.True(file.ToArray().AsSpan().SequenceEqual(fromStore.ToArray()), "the file written from the store's parts differs from the one written from the grains");
        var parts = RunSnapshot.ReadParts(new MemoryStream(file.ToArray())).Where(p => p.Name != SnapshotParts.Metrics).ToList();
        Assert.Equal(parts.Select(p => p.Name), record.Parts);
        Assert.Equal(parts.Select(p => Convert.ToHexString(p.Sha256)), record.Sha256.Select(Convert.ToHexString));
        var stored = await store.Record.Read();
        Assert.NotNull(stored);
        Assert.Equal(record.Parts, stored.Parts);
        Assert.Equal(record.Sha256.Select(Convert.ToHexString), stored.Sha256.Select(Convert.ToHexString));
        await store.ClearAsync();
        Assert.Null(await store.Record.Read());
    }

    [Theory]
    [InlineData("firms/1")]
    [InlineData("cluster/0")]
    [InlineData("talent/2")]
    [InlineData("region")]
    [InlineData("world")]
    public async Task A_part_missing_from_the_store_is_refused_with_its_name(string name)
    {
        var (store, record, _) = await StoreAfterCutAsync();
        await store.Holder(name).Remove(record.Slot, name);
        var refused = await Assert.ThrowsAsync<SnapshotException>(() => new RunAttempt(_connection.Grains).RestoreAsync(_world, _layout, store, record));
        Assert.Equal(name, refused.Part);
        Assert.Contains($"'{name}'", refused.Message, StringComparison.Ordinal);
        await store.ClearAsync();
    }

    [Theory]
    [InlineData("firms/0", 0)]
    [InlineData("firms/2", -1)]
    [InlineData("labs/1", 3)]
    [InlineData("fund/0", 0)]
    public async Task A_part_whose_bytes_changed_in_the_store_is_refused_with_its_name(string name, int at)
    {
        var (store, record, _) = await StoreAfterCutAsync();
        int index = Array.IndexOf(record.Parts, name);
        var part = await store.Holder(name).Read(record.Slot, name, record.Sha256[index]);
        var bytes = part.Stored.ToArray();
        bytes[at < 0 ? bytes.Length + at : at] ^= 0x20;
        await store.Holder(name).Put(record.Slot, part with { Stored = bytes });
        var refused = await Assert.ThrowsAsync<SnapshotException>(() => new RunAttempt(_connection.Grains).RestoreAsync(_world, _layout, store, record));
        Assert.Equal(name, refused.Part);
        Assert.Contains("SHA-256", refused.Message, StringComparison.Ordinal);
        var notWritten = await Assert.ThrowsAsync<SnapshotException>(() => store.WriteSnapshotAsync(Stream.Null, record, PartCodec.Metrics([])));
        Assert.Equal(name, notWritten.Part);
        await store.ClearAsync();
    }

    [Fact]
    public async Task A_part_replaced_by_another_whole_part_is_refused_by_the_records_hash()
    {
        var (store, record, _) = await StoreAfterCutAsync();
        int firms0 = Array.IndexOf(record.Parts, "firms/0"), firms1 = Array.IndexOf(record.Parts, "firms/1");
        var other = await store.Holder("firms/1").Read(record.Slot, "firms/1", record.Sha256[firms1]);
        await store.Holder("firms/0").Put(record.Slot, other with { Name = "firms/0" });
        var refused = await Assert.ThrowsAsync<SnapshotException>(() => new RunAttempt(_connection.Grains).RestoreAsync(_world, _layout, store, record));
        Assert.Equal("firms/0", refused.Part);
        Assert.Contains(Convert.ToHexStringLower(record.Sha256[firms0]), refused.Message, StringComparison.Ordinal);
        await store.ClearAsync();
    }

    [Fact]
    public async Task A_record_of_another_tick_or_none_is_refused()
    {
        var (store, _, _) = await StoreAfterCutAsync();
        var other = await Assert.ThrowsAsync<SnapshotException>(() => store.ReadAsync(CutTick + 1));
        Assert.Contains($"{CutTick} ticks done", other.Message, StringComparison.Ordinal);
        await store.ClearAsync();
        var none = await Assert.ThrowsAsync<SnapshotException>(() => store.ReadAsync(CutTick));
        Assert.Contains(store.Series, none.Message, StringComparison.Ordinal);
    }

    // The rows of a fresh run continued from the checkpoint after `tick` ticks to the scenario's end.
    private async Task<List<MetricsRow>> ContinueAsync(StoredCheckpoints store, int tick)
    {
        var fresh = new RunAttempt(_connection.Grains);
        await fresh.RestoreAsync(_world, _layout, store, await store.ReadAsync(tick));
        var rows = new List<MetricsRow>();
        for (int t = tick; t < _world.Ticks; t++) rows.AddRange((await fresh.StepAsync()).Rows);
        await fresh.StopAsync();
        return rows;
    }

    // A run to its end, its rows; and a checkpoint of the same world after CutTick ticks in a new series of the store.
    private async Task<(StoredCheckpoints Store, StoredCheckpointRecord Record, List<MetricsRow> Whole)> StoreAfterCutAsync()
    {
        var run = new RunAttempt(_connection.Grains);
        await run.StartAsync(_world, _layout);
        var store = StoredCheckpoints.New(_connection.Grains);
        StoredCheckpointRecord? record = null;
        var rows = new List<MetricsRow>();
        for (int t = 0; t < _world.Ticks; t++)
        {
            rows.AddRange((await run.StepAsync()).Rows);
            if (t + 1 == CutTick) record = await store.StoreAsync(run, CutTick, Identity);
        }
        await run.StopAsync();
        return (store, record!, rows);
    }
}
