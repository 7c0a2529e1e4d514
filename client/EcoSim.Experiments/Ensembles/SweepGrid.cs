using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Ensembles;

/// <summary>
/// The grid of a sweep: one or two <see cref="SweepAxis"/> read from <c>--param NAME=FROM:TO:STEP</c>,
/// checked against the parameter catalogue (known name, values within the allowed range) and against
/// the size limits. Every point is run with the same seeds (common random numbers).
/// </summary>
public sealed class SweepGrid
{
    /// <summary>Most parameters swept at once.</summary>
    public const int MaxParameters = 2;
    /// <summary>Most grid points.</summary>
    public const int MaxPoints = 500;
    /// <summary>Most runs (points times seeds).</summary>
    public const int MaxRuns = 10_000;
    /// <summary>The form of one --param, with an example.</summary>
    public const string Form = "NAME=FROM:TO:STEP, e.g. basicShare=0.1:0.4:0.05";

    private SweepGrid(IReadOnlyList<SweepAxis> axes) => Axes = axes;

    /// <summary>The swept parameters, the first varying slowest.</summary>
    public IReadOnlyList<SweepAxis> Axes { get; }

    /// <summary>Every point of the grid, in order.</summary>
    public IReadOnlyList<SweepPoint> Points
    {
        get
        {
            IEnumerable<IReadOnlyList<(ParameterSpec, double)>> settings = [[]];
            foreach (var axis in Axes)
                settings = settings.SelectMany(s => axis.Values.Select(v => (IReadOnlyList<(ParameterSpec, double)>)[.. s, (axis.Parameter, v)]));
            return [.. settings.Select((s, i) => new SweepPoint(i, s))];
        }
    }

    /// <summary>Reads the grid from the --param texts for <paramref name="seeds"/> seeds per point; on failure, every problem found, one line each.</summary>
    public static SweepGrid? TryParse(IReadOnlyList<string> texts, int seeds, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        errors = problems;
        if (texts.Count == 0) problems.Add($"give at least one --param {Form}");
        if (texts.Count > MaxParameters) problems.Add($"--param is given {texts.Count} times; a sweep takes one or two parameters (a line or a grid)");
        var axes = new List<SweepAxis>();
        foreach (var text in texts)
        {
            if (ParseAxis(text, problems) is not { } axis) continue;
            if (axes.Any(a => a.Parameter.Name == axis.Parameter.Name)) problems.Add($"--param {axis.Parameter.Name} is given twice; sweep each parameter once");
            else axes.Add(axis);
        }
        if (problems.Count > 0) return null;

        long points = axes.Aggregate(1L, (n, a) => n * a.Count);
        string shape = string.Join(" x ", axes.Select(a => a.Count));
        if (points > MaxPoints) problems.Add($"the grid has {points} points ({shape}); at most {MaxPoints} are allowed: use a larger STEP or a narrower range");
        else if (points * seeds > MaxRuns) problems.Add($"the sweep would make {points * seeds} runs ({points} points x {seeds} seeds); at most {MaxRuns} are allowed: use fewer points or --seeds");
        return problems.Count > 0 ? null : new SweepGrid(axes);
    }

    private static SweepAxis? ParseAxis(string text, List<string> problems)
    {
        int equals = text.IndexOf('=');
        string[] parts = equals < 0 ? [] : text[(equals + 1)..].Split(':');
        if (equals <= 0 || parts.Length != 3)
        {
            problems.Add($"--param '{text}' is not {Form}");
            return null;
        }
        string name = text[..equals].Trim();
        if (!ParameterCatalog.TryGet(name, out var spec))
        {
            string? close = DidYouMean.Closest(name, ParameterCatalog.All.Select(p => p.Name));
            problems.Add($"--param {text}: unknown parameter '{name}'; " + (close is null ? "see docs/MODEL.md, section 8, for the parameters" : $"did you mean '{close}'?"));
            return null;
        }
        int before = problems.Count;
        decimal from = Number(text, "FROM", parts[0], spec, problems);
        decimal to = Number(text, "TO", parts[1], spec, problems);
        decimal step = Number(text, "STEP", parts[2], null, problems);
        if (problems.Count > before) return null;

        if (step <= 0) problems.Add($"--param {text}: STEP must be greater than 0, not {parts[2].Trim()}");
        else if (to < from) problems.Add($"--param {text}: TO ({parts[1].Trim()}) is below FROM ({parts[0].Trim()}); give the range from low to high");
        else if ((to - from) / MaxPoints >= step)
            problems.Add($"--param {text}: more than {MaxPoints} values; at most {MaxPoints} points are allowed: use a larger STEP");
        else if ((to - from) % step != 0)
            problems.Add($"--param {text}: STEP {parts[2].Trim()} does not divide {parts[0].Trim()}..{parts[1].Trim()} into whole steps (the last point would be {SweepAxis.Text((double)(from + Math.Floor((to - from) / step) * step))}); choose TO or STEP so that it does");
        return problems.Count > before ? null : new SweepAxis(spec, from, to, step);
    }

    /// <summary>One of FROM, TO and STEP; FROM and TO must lie in the parameter's allowed range.</summary>
    private static decimal Number(string text, string what, string part, ParameterSpec? range, List<string> problems)
    {
        string trimmed = part.Trim();
        bool isDouble = double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double asDouble) && double.IsFinite(asDouble);
        if (!isDouble)
        {
            problems.Add($"--param {text}: {what} '{trimmed}' is not a number");
            return 0;
        }
        bool isDecimal = decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal value);
        if (range is not null && (!isDecimal || !range.Allows(asDouble)))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"--param {text}: {what} {trimmed} is outside the allowed range of {range.Name}, [{range.Min}, {range.Max}] ({range.Unit})"));
            return 0;
        }
        if (!isDecimal) problems.Add($"--param {text}: {what} '{trimmed}' is too large");
        return value;
    }
}
