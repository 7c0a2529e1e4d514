using EcoSim.Model.Metrics;
using EcoSim.Model.Phases;
using EcoSim.Model.State;
using EcoSim.Model.World;

namespace EcoSim.Model.Snapshots;

/// <summary>
/// How each kind of state becomes a part's bytes and back: every field, in declaration order, doubles bit for
/// bit. Reading checks what the world part announced (cluster index, counts), so a part of another cluster
/// or a changed count is refused with the part named.
/// </summary>
internal static class StateCodec
{
    public static void WriteMetrics(PartWriter w, IReadOnlyList<MetricsRow> rows)
    {
        w.Write(rows.Count);
        w.Write(MetricColumns.All.Count);
        foreach (var row in rows)
        {
            w.Write(row.Tick); w.Write(row.Period); w.Write(row.Time); w.Write(row.Cluster); w.Write(row.ClusterId);
            // A row keeps its values in an array: written from it, not from a copy made for each row of every checkpoint.
            if (row.Values is double[] values) w.Write((ReadOnlySpan<double>)values);
            else w.Write((ReadOnlySpan<double>)[.. row.Values]);
        }
    }

    public static IReadOnlyList<MetricsRow> ReadMetrics(PartReader r, SnapshotWorld world)
    {
        int count = r.ReadCount(world.Tick * (world.Clusters + 1), "metrics rows (one per cluster and the region for each tick done)");
        r.ReadCount(MetricColumns.All.Count, "metric columns");
        var rows = new MetricsRow[count];
        for (int i = 0; i < count; i++)
        {
            int tick = r.ReadInt32();
            string period = r.ReadString();
            double time = r.ReadDouble();
            int cluster = r.ReadInt32();
            string id = r.ReadString();
            var values = r.ReadDoubles();
            if (values.Length != MetricColumns.All.Count) throw r.Invalid($"{MetricColumns.All.Count} values in row {i}", $"{values.Length}");
            rows[i] = new MetricsRow { Tick = tick, Period = period, Time = time, Cluster = cluster, ClusterId = id, Values = values };
        }
        return rows;
    }

    public static void WriteRegion(PartWriter w, RegionSnapshot region)
    {
        w.Write(region.AvailableKnowledge); w.Write(region.Opportunity); w.Write(region.Demand); w.Write(region.MeanProductivity);
        w.Write(region.Talent.Researchers); w.Write(region.Talent.Wages);
    }

    public static RegionSnapshot ReadRegion(PartReader r, SnapshotWorld world)
    {
        double[] Column(string what)
        {
            var values = r.ReadDoubles();
            return values.Length == world.Clusters ? values : throw r.Invalid($"{world.Clusters} values of {what}", $"{values.Length}");
        }
        return new RegionSnapshot(Column("available knowledge"), Column("opportunity"), Column("demand"), Column("mean productivity"),
            new TalentSnapshot(Column("researchers"), Column("wages")));
    }

    public static void WriteCluster(PartWriter w, ClusterState s)
    {
        w.Write(s.Cluster); w.Write(s.LagStages); w.Write(s.LabKnowledge); w.Write(s.TechnologyPool); w.Write(s.Generation);
        w.Write(s.BaseDemand); w.Write(s.WeightTotal); w.Write(s.MeanProductivity); w.Write(s.BaseMeanProductivity);
        w.Write(s.MeanLogProductivity); w.Write(s.Frontier); w.Write(s.Firms); w.Write(s.AdopterShare); w.Write(s.NextFirmIndex);
        w.Write(s.Pipeline); w.Write(s.Approvals);
    }

    public static ClusterState ReadCluster(PartReader r, int cluster)
    {
        ExpectCluster(r, cluster);
        return new ClusterState
        {
            Cluster = cluster, LagStages = r.ReadDoubles(), LabKnowledge = r.ReadDouble(), TechnologyPool = r.ReadDouble(), Generation = r.ReadInt32(),
            BaseDemand = r.ReadDouble(), WeightTotal = r.ReadDouble(), MeanProductivity = r.ReadDouble(), BaseMeanProductivity = r.ReadDouble(),
            MeanLogProductivity = r.ReadDouble(), Frontier = r.ReadDouble(), Firms = r.ReadDouble(), AdopterShare = r.ReadDouble(), NextFirmIndex = r.ReadInt64(),
            Pipeline = r.ReadInt32s(), Approvals = r.ReadInt32(),
        };
    }

    public static void WriteTalent(PartWriter w, TalentPoolState s)
    {
        w.Write(s.Cluster); w.Write(s.Researchers); w.Write(s.Wage); w.Write(s.FillRate); w.Write(s.Demand); w.Write(s.BaseResearchers); w.Write(s.BaseLabFunding);
    }

    public static TalentPoolState ReadTalent(PartReader r, int cluster)
    {
        ExpectCluster(r, cluster);
        return new TalentPoolState(cluster, r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble(), r.ReadDouble());
    }

    public static void WriteLabs(PartWriter w, int cluster, IReadOnlyList<LabState> labs)
    {
        var own = labs.Where(l => l.Cluster == cluster).ToArray();
        w.Write(cluster);
        w.Write(own.Length);
        foreach (var l in own)
        {
            w.Write(l.Index); w.Write((int)l.Kind); w.Write(l.BasicShare); w.Write(l.AppliedShare); w.Write(l.Knowledge); w.Write(l.Researchers);
        }
    }

    /// <summary>Reads cluster <paramref name="cluster"/>'s labs into their places in <paramref name="labs"/>, whose empty places <paramref name="filled"/> tracks.</summary>
    public static int ReadLabs(PartReader r, int cluster, LabState[] labs, bool[] filled)
    {
        var own = ReadClusterLabs(r, cluster, labs.Length);
        foreach (var lab in own)
        {
            if (filled[lab.Index]) throw r.Invalid($"a lab index from 0 to {labs.Length - 1} not given before", $"{lab.Index}");
            labs[lab.Index] = lab;
            filled[lab.Index] = true;
        }
        return own.Length;
    }

    /// <summary>Reads cluster <paramref name="cluster"/>'s labs in the order written (global index order), of a world of <paramref name="worldLabs"/> labs.</summary>
    public static LabState[] ReadClusterLabs(PartReader r, int cluster, int worldLabs)
    {
        ExpectCluster(r, cluster);
        int count = r.ReadInt32();
        if (count < 0 || count > worldLabs) throw r.Invalid($"0 to {worldLabs} labs", $"{count}");
        var labs = new LabState[count];
        int previous = -1;
        for (int i = 0; i < count; i++)
        {
            int index = r.ReadInt32();
            if (index <= previous || index >= worldLabs) throw r.Invalid($"a lab index from {previous + 1} to {worldLabs - 1} not given before", $"{index}");
            previous = index;
            int kind = r.ReadInt32();
            if (!Enum.IsDefined((LabKind)kind)) throw r.Invalid("a lab kind", $"{kind}");
            labs[i] = new LabState
            {
                Index = index, Cluster = cluster, Kind = (LabKind)kind, BasicShare = r.ReadDouble(), AppliedShare = r.ReadDouble(),
                Knowledge = r.ReadDouble(), Researchers = r.ReadDouble(),
            };
        }
        return labs;
    }

    /// <summary>
    /// Writes cluster <paramref name="cluster"/>'s firms from pieces of it in index order (one shard of a whole cluster for
    /// the reference engine, the shards of a cluster grain for the Orleans engine): each column whole, the pieces' firms one
    /// after another, then their indices (format version 3: the firms a run has let go leave gaps), so the bytes do not
    /// depend on how the firms were cut.
    /// </summary>
    public static void WriteFirms(PartWriter w, int cluster, IReadOnlyList<FirmColumns> pieces)
    {
        long first = pieces.Count > 0 ? pieces[0].FirstIndex : 0, next = first, total = 0;
        foreach (var piece in pieces)
        {
            long from = piece.Count > 0 ? piece.Index[0] : piece.FirstIndex;
            if (piece.Cluster != cluster || piece.FirstIndex < next || from < piece.FirstIndex)
                throw new ArgumentException($"cluster {cluster}: firms from {next} expected, a piece of cluster {piece.Cluster} starts at {from}", nameof(pieces));
            if (piece.Count > 0) next = piece.Index[^1] + 1;
            total += piece.Count;
        }
        int n = checked((int)total);
        w.Write(cluster); w.Write(first);
        void Column<T>(Func<FirmColumns, T[]> column) where T : unmanaged
        {
            w.WriteLength(n);
            foreach (var piece in pieces) w.WriteRaw<T>(column(piece));
        }
        Column(p => p.Productivity); Column(p => p.Weight); Column(p => p.Revenue); Column(p => p.RdIntensity); Column(p => p.RdStock);
        Column(p => p.Cash); Column(p => p.Researchers); Column(p => p.Age); Column(p => p.Vintage); Column(p => p.Alive); // a bool is the byte 0 or 1
        Column(p => p.CertifiedTick); Column(p => p.Index);
    }

    /// <summary>
    /// Reads a cluster's firms as one shard: in version 3 with their index column (increasing from 0, gaps where firms were
    /// let go), in version 2 every slot from index 0. The shard's next index is one past its last firm; the caller sets the
    /// cluster's own (<see cref="ClusterState.NextFirmIndex"/>).
    /// </summary>
    public static FirmShard ReadFirms(PartReader r, int cluster)
    {
        ExpectCluster(r, cluster);
        long first = r.ReadInt64();
        if (first != 0) throw r.Invalid("firms from index 0", $"firms from index {first}");
        var productivity = r.ReadDoubles();
        int n = productivity.Length;
        T[] Same<T>(T[] column, string what) => column.Length == n ? column : throw r.Invalid($"{n} values of {what}", $"{column.Length}");
        var (weight, revenue, intensity, stock, cash, researchers) = (Same(r.ReadDoubles(), "weight"), Same(r.ReadDoubles(), "revenue"),
            Same(r.ReadDoubles(), "R&D intensity"), Same(r.ReadDoubles(), "R&D stock"), Same(r.ReadDoubles(), "cash"), Same(r.ReadDoubles(), "researchers"));
        var (age, vintage, alive, certified) = (Same(r.ReadInt32s(), "age"), Same(r.ReadInt32s(), "vintage"), Same(r.ReadBytes(), "alive"), Same(r.ReadInt32s(), "certification tick"));
        long[] index;
        if (r.Version >= 3)
        {
            index = Same(r.ReadInt64s(), "index");
            for (int i = 0; i < n; i++)
                if (index[i] < (i == 0 ? first : index[i - 1] + 1))
                    throw r.Invalid($"firm indices increasing from {first}", i == 0 ? $"a first index {index[0]}" : $"index {index[i]} after {index[i - 1]}");
        }
        else
        {
            index = new long[n];
            for (int i = 0; i < n; i++) index[i] = first + i;
        }
        return FirmShard.FromColumns(cluster, first, productivity, weight, revenue, intensity, stock, cash, researchers, age, vintage, alive, certified, index);
    }

    public static void WriteFund(PartWriter w, FundState f)
    {
        w.Write(f.Index); w.Write((int)f.Kind); w.Write(f.Capital); w.Write(f.Held); w.Write(f.HeldProductivity);
    }

    public static FundState ReadFund(PartReader r, int index)
    {
        int found = r.ReadInt32();
        if (found != index) throw r.Invalid($"fund {index}", $"fund {found}");
        int kind = r.ReadInt32();
        if (!Enum.IsDefined((FundKind)kind)) throw r.Invalid("a fund kind", $"{kind}");
        var fund = new FundState { Index = index, Kind = (FundKind)kind, Capital = r.ReadDouble(), Held = r.ReadDoubles(), HeldProductivity = r.ReadDoubles() };
        if (fund.Held.Length != fund.HeldProductivity.Length) throw r.Invalid($"{fund.Held.Length} held productivities", $"{fund.HeldProductivity.Length}");
        return fund;
    }

    private static void ExpectCluster(PartReader r, int cluster)
    {
        int found = r.ReadInt32();
        if (found != cluster) throw r.Invalid($"cluster {cluster}", $"cluster {found}");
    }
}
