using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Model.Time;
using EcoSim.Model.World;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>Turns the YAML tree of one scenario file into a <see cref="ScenarioPart"/>, recording every error.</summary>
internal static class ScenarioParser
{
    public static readonly string[] TopKeys = ["name", "description", "extends", "start", "end", "seed", "population", "clusters", "relatedness", "parameters", CertificationSection.Key, "events"];

    public static ScenarioPart Parse(ErrorSink errors, YamlNode root)
    {
        var part = new ScenarioPart { Root = root, Sink = errors };
        var map = YamlMap.Of(errors, "", root);
        if (map is null) return part;
        part.Name = map.String("name", false);
        if (part.Name is { } name && !ScenarioName.IsValid(name))
            errors.At(map.Find("name"), "name", $"'{name}' cannot be used: {ScenarioName.Rule} (it names the output folder)");
        part.Description = map.String("description", false);
        if (map.String("extends", false) is { } extends) part.Extends = new(extends, errors, map.Find("extends")!, "extends");
        part.Start = PeriodAt(map, "start");
        part.End = PeriodAt(map, "end");
        if (map.Integer("seed", false, 0, long.MaxValue) is long seed) part.Seed = (ulong)seed;
        if (map.Find("population") is { } population) ParsePopulation(part, YamlMap.Of(errors, "population", population));
        if (map.Sequence("clusters", false) is { } clusters) part.Clusters = ParseClusters(errors, clusters);
        if (map.Find("relatedness") is { } related) part.Relatedness = ParseRelatedness(YamlMap.Of(errors, "relatedness", related));
        if (map.Find("parameters") is { } parameters) ParseParameters(part, errors, parameters);
        if (map.Find(CertificationSection.Key) is { } certification) CertificationSection.Parse(part, YamlMap.Of(errors, CertificationSection.Key, certification));
        if (map.Sequence("events", false) is { } events) ParseEvents(part, errors, events);
        map.RejectUnknownKeys(TopKeys);
        return part;
    }

    private static Located<Period>? PeriodAt(YamlMap map, string key)
    {
        var node = map.Find(key);
        if (node is null) return null;
        if (node is YamlScalarNode { Value: var text } && Period.TryParse(text, out var period)) return new(period, map.Errors, node, map.Child(key));
        map.Errors.At(node, map.Child(key), $"expected a quarter like 2024Q1, found {YamlMap.Describe(node)}");
        return null;
    }

    private static void ParsePopulation(ScenarioPart part, YamlMap? map)
    {
        if (map is null) return;
        if (map.Integer("firms", false, 1, 50_000_000) is long firms) part.Firms = (int)firms;
        if (map.Sequence("labs", false) is { } labs)
        {
            part.Labs = [];
            for (int i = 0; i < labs.Children.Count; i++)
            {
                var lab = YamlMap.Of(map.Errors, $"population.labs[{i}]", labs.Children[i]);
                if (lab is null) continue;
                var kind = Enum<LabKind>(lab, "kind", LabKinds);
                var count = lab.Integer("count", true, 0, 1_000_000);
                var basic = lab.Number("basicWeight", true, 0, 1000);
                var applied = lab.Number("appliedWeight", true, 0, 1000);
                lab.RejectUnknownKeys(["kind", "count", "basicWeight", "appliedWeight"]);
                if (kind is { } k && count is { } c && basic is { } b && applied is { } a) part.Labs.Add(new LabGroup(k, (int)c, b, a));
            }
        }
        if (map.Sequence("funds", false) is { } funds)
        {
            part.Funds = [];
            for (int i = 0; i < funds.Children.Count; i++)
            {
                var fund = YamlMap.Of(map.Errors, $"population.funds[{i}]", funds.Children[i]);
                if (fund is null) continue;
                var kind = Enum<FundKind>(fund, "kind", FundKinds);
                var count = fund.Integer("count", true, 0, 100_000);
                var capital = fund.Number("capital", true, 0, 1e6, "bn yuan");
                fund.RejectUnknownKeys(["kind", "count", "capital"]);
                if (kind is { } k && count is { } c && capital is { } cap) part.Funds.Add(new FundGroup(k, (int)c, cap));
            }
        }
        map.RejectUnknownKeys(["firms", "labs", "funds"]);
    }

    private static readonly Dictionary<string, LabKind> LabKinds = new()
    {
        ["university"] = LabKind.University, ["provincial-lab"] = LabKind.ProvincialLab,
        ["national-lab"] = LabKind.NationalLab, ["rd-institute"] = LabKind.RdInstitute,
    };
    private static readonly Dictionary<string, FundKind> FundKinds = new()
    {
        ["venture"] = FundKind.Venture, ["guidance"] = FundKind.Guidance, ["bank"] = FundKind.Bank,
    };
    private static readonly Dictionary<string, ClusterKind> ClusterKinds = new()
    {
        ["pillar"] = ClusterKind.Pillar, ["emerging"] = ClusterKind.Emerging,
    };

    private static T? Enum<T>(YamlMap map, string key, Dictionary<string, T> names) where T : struct
    {
        var text = map.String(key, true);
        if (text is null) return null;
        if (names.TryGetValue(text, out var value)) return value;
        string hint = DidYouMean.Closest(text, names.Keys) is { } close ? $"; did you mean '{close}'?" : "";
        map.Errors.At(map.Find(key), map.Child(key), $"'{text}' is not one of: {string.Join(", ", names.Keys)}{hint}");
        return null;
    }

    private static List<Located<ClusterSpec>> ParseClusters(ErrorSink errors, YamlSequenceNode list)
    {
        var result = new List<Located<ClusterSpec>>();
        for (int i = 0; i < list.Children.Count; i++)
        {
            var c = YamlMap.Of(errors, $"clusters[{i}]", list.Children[i]);
            if (c is null) continue;
            var id = c.String("id", true);
            var name = c.String("name", false);
            var kind = Enum<ClusterKind>(c, "kind", ClusterKinds);
            var revenue = c.Number("revenue", true, 0.001, 1e6, "bn yuan/yr");
            var intensity = c.Number("rdIntensity", true, 0, 0.5, "share of revenue");
            var priority = c.Number("priority", false, 0, 100) ?? 1;
            var pipeline = c.Boolean("pipeline") ?? false;
            c.RejectUnknownKeys(["id", "name", "kind", "revenue", "rdIntensity", "priority", "pipeline"]);
            if (id is not null && kind is { } k && revenue is { } r && intensity is { } ri)
                result.Add(new(new ClusterSpec(id, name ?? id, k, r, ri, priority, pipeline), errors, c.Node, $"clusters[{i}]"));
        }
        return result;
    }

    private static RelatednessPart? ParseRelatedness(YamlMap? map)
    {
        if (map is null) return null;
        double fallback = map.Number("default", false, 0, 1) ?? 0.1;
        var pairs = new List<Located<(string, string, double)>>();
        if (map.Sequence("pairs", false) is { } list)
            for (int i = 0; i < list.Children.Count; i++)
            {
                string key = $"relatedness.pairs[{i}]";
                if (list.Children[i] is not YamlSequenceNode { Children.Count: 3 } pair
                    || pair.Children[0] is not YamlScalarNode { Value: { } a } || pair.Children[1] is not YamlScalarNode { Value: { } b })
                {
                    map.Errors.At(list.Children[i], key, "expected [cluster-id, cluster-id, value]");
                    continue;
                }
                if (YamlMap.ReadNumber(map.Errors, pair.Children[2], key, 0, 1, "") is double v)
                    pairs.Add(new((a, b, v), map.Errors, pair, key));
            }
        map.RejectUnknownKeys(["default", "pairs"]);
        return new RelatednessPart(fallback, pairs);
    }

    private static void ParseParameters(ScenarioPart part, ErrorSink errors, YamlNode node)
    {
        var map = YamlMap.Of(errors, "parameters", node);
        if (map?.Node is not YamlMappingNode mapping) return;
        foreach (var (k, v) in mapping.Children)
        {
            string name = (k as YamlScalarNode)?.Value ?? "";
            string key = $"parameters.{name}";
            if (!ParameterCatalog.TryGet(name, out var spec)) { errors.At(k, key, UnknownParameter(name)); continue; }
            if (YamlMap.ReadNumber(errors, v, key, spec.Min, spec.Max, spec.Unit) is double value)
                part.Parameters[spec.Name] = new(value, errors, v, key);
        }
    }

    public static string UnknownParameter(string name)
    {
        var close = DidYouMean.Closest(name, ParameterCatalog.All.Select(s => s.Name));
        return close is null ? "unknown parameter; see docs/MODEL.md for the list" : $"unknown parameter; did you mean '{close}'?";
    }

    /// <summary>Why an event may not change <paramref name="spec"/>, and what to do instead.</summary>
    private static string FixedAtStart(ParameterSpec spec) =>
        $"parameter '{spec.Name}' is fixed at the start of a run (it sets up the initial state or the model's structure); set it under 'parameters:' instead";

    private static void ParseEvents(ScenarioPart part, ErrorSink errors, YamlSequenceNode list)
    {
        for (int i = 0; i < list.Children.Count; i++)
        {
            var e = YamlMap.Of(errors, $"events[{i}]", list.Children[i]);
            if (e is null) continue;
            var at = PeriodAt(e, "at");
            if (!e.Has("at")) errors.At(e.Node, e.Child("at"), "is required: the quarter the event happens, e.g. 2025Q1");
            bool hasSet = e.Has("set"), hasRamp = e.Has("ramp"), hasFacility = e.Has("facility");
            if (EventKinds.Count(e.Has) != 1)
                errors.At(e.Node, e.Path, $"an event needs exactly one of {string.Join(", ", EventKinds.Select(k => $"'{k}'"))}");
            foreach (var (key, kind, valueKey, min, max, unit) in ShockKinds)
                if (e.Has(key) && YamlMap.Of(errors, e.Child(key), e.Find(key)) is { } shock)
                    ParseShock(part, shock, at, kind, valueKey, min, max, unit);
            if (hasFacility && YamlMap.Of(errors, e.Child("facility"), e.Find("facility")) is { } facility)
            {
                var name = facility.String(FacilityKeys.Name, true);
                var cluster = facility.String(FacilityKeys.Cluster, true);
                double? Read(EventNumberKey key) => facility.Number(key.Name, true, key.Min, key.Max, key.Unit);
                var build = Read(FacilityKeys.BuildYears);
                var operation = Read(FacilityKeys.OperationYears);
                var cost = Read(FacilityKeys.CostPerYear);
                var boost = Read(FacilityKeys.KnowledgeBoost);
                facility.RejectUnknownKeys([.. FacilityKeys.All]);
                if (at is not null && name is not null && cluster is not null && build is { } b && operation is { } o && cost is { } c && boost is { } k)
                    part.Facilities.Add(new(new FacilityPart(at.Value, name, cluster, b, o, c, k), errors, facility.Find(FacilityKeys.Cluster)!, facility.Child(FacilityKeys.Cluster)));
            }
            if (hasSet && YamlMap.Of(errors, e.Child("set"), e.Find("set")) is { Node: YamlMappingNode set })
                foreach (var (k, v) in set.Children)
                {
                    string name = (k as YamlScalarNode)?.Value ?? "";
                    string key = $"{e.Child("set")}.{name}";
                    if (!ParameterCatalog.TryGet(name, out var spec)) { errors.At(k, key, UnknownParameter(name)); continue; }
                    if (spec.FixedAtStart) { errors.At(k, key, FixedAtStart(spec)); continue; }
                    if (YamlMap.ReadNumber(errors, v, key, spec.Min, spec.Max, spec.Unit) is double value && at is not null)
                        part.Events.Add(new(new EventPart(at.Value, spec.Name, value, null), errors, v, key));
                }
            if (hasRamp && YamlMap.Of(errors, e.Child("ramp"), e.Find("ramp")) is { } ramp)
            {
                var name = ramp.String("parameter", true);
                var until = PeriodAt(ramp, "until");
                if (!ramp.Has("until")) errors.At(ramp.Node, ramp.Child("until"), "is required: the quarter the ramp reaches its value");
                ParameterSpec? spec = null;
                if (name is not null && !ParameterCatalog.TryGet(name, out spec)) errors.At(ramp.Find("parameter"), ramp.Child("parameter"), UnknownParameter(name));
                else if (spec is { FixedAtStart: true }) { errors.At(ramp.Find("parameter"), ramp.Child("parameter"), FixedAtStart(spec)); spec = null; }
                double? to = spec is null ? null : ramp.Number("to", true, spec.Min, spec.Max, spec.Unit);
                ramp.RejectUnknownKeys(["parameter", "to", "until"]);
                if (at is not null && until is not null && until.Value.CompareTo(at.Value) <= 0) until.Error($"must be after the event's 'at' ({at.Value})");
                else if (spec is not null && to is { } target && at is not null && until is not null)
                    part.Events.Add(new(new EventPart(at.Value, spec.Name, target, until.Value), errors, ramp.Node, ramp.Path));
            }
            e.RejectUnknownKeys(["at", .. EventKinds]);
        }
    }

    /// <summary>The kinds of event, by their key.</summary>
    public static readonly string[] EventKinds = ["set", "ramp", "facility", "demandShock", "rdSubsidy", TalentProgrammeKeys.Event, "guidanceFundInjection"];

    private static readonly (string Key, ShockKind Kind, string ValueKey, double Min, double Max, string Unit)[] ShockKinds =
    [
        ("demandShock", ShockKind.Demand, "change", -1, 10, "share of demand"),
        ("rdSubsidy", ShockKind.RdSubsidy, "extraSuperDeduction", 0, 5, "share of R&D"),
        (TalentProgrammeKeys.Event, ShockKind.TalentProgramme, TalentProgrammeKeys.ResearchersPerYear.Name,
            TalentProgrammeKeys.ResearchersPerYear.Min, TalentProgrammeKeys.ResearchersPerYear.Max, TalentProgrammeKeys.ResearchersPerYear.Unit),
        ("guidanceFundInjection", ShockKind.GuidanceInjection, "amount", 0, 1e5, "bn yuan"),
    ];

    private static void ParseShock(ScenarioPart part, YamlMap shock, Located<Period>? at, ShockKind kind, string valueKey, double min, double max, string unit)
    {
        bool injection = kind == ShockKind.GuidanceInjection;
        var cluster = injection ? null : shock.String("cluster", true);
        var value = shock.Number(valueKey, true, min, max, unit);
        var until = injection ? null : PeriodAt(shock, "until");
        shock.RejectUnknownKeys(injection ? [valueKey] : ["cluster", valueKey, "until"]);
        if (at is not null && until is not null && until.Value.CompareTo(at.Value) <= 0) { until.Error($"must be after the event's 'at' ({at.Value})"); return; }
        if (at is not null && value is { } v && (injection || cluster is not null))
            part.Shocks.Add(new(new ShockPart(at.Value, kind, cluster, v, until?.Value), shock.Errors, injection ? shock.Node : shock.Find("cluster")!, injection ? shock.Path : shock.Child("cluster")));
    }

    internal static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
