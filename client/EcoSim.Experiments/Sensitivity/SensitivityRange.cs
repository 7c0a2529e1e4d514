using System.Globalization;
using EcoSim.Model.Parameters;
using EcoSim.Scenarios;

namespace EcoSim.Experiments.Sensitivity;

/// <summary>One parameter of a sensitivity design and the range it is sampled over (uniformly).</summary>
/// <param name="Parameter">The parameter.</param>
/// <param name="Low">The low end of the range.</param>
/// <param name="High">The high end, above <paramref name="Low"/>.</param>
/// <param name="Basis">Whether the range was given or is the catalogue's plausible range, which every place that shows the range says.</param>
public sealed record SensitivityRange(ParameterSpec Parameter, double Low, double High, RangeBasis Basis = RangeBasis.Given)
{
    /// <summary>The form of one --param, with examples.</summary>
    public const string Form = "NAME=LOW:HIGH, or NAME alone for the catalogue's plausible range (docs/SENSITIVITY.md, section 9), e.g. basicShare=0.1:0.4";

    /// <summary>The parameter's value at <paramref name="unit"/> in [0, 1].</summary>
    public double At(double unit) => Low + unit * (High - Low);

    /// <summary>The --param text that gives this range.</summary>
    public string Text => $"{Parameter.Name}={Number(Low)}:{Number(High)}";

    /// <summary><see cref="Text"/>, followed by " (plausible range)" when the catalogue's plausible range was taken.</summary>
    public string Shown => Basis == RangeBasis.Plausible ? $"{Text} (plausible range)" : Text;

    /// <summary>
    /// ", the catalogue's plausible range (SOURCE)" when <paramref name="range"/> is the catalogue's, else nothing: the
    /// words that follow a range in reports and findings. A reproduction keeps the recorded bounds; when the catalogue
    /// has moved since, the words say the range was the catalogue's when the analysis was first run.
    /// </summary>
    public static string BasisWords(SensitivityRange range)
    {
        if (range.Basis != RangeBasis.Plausible) return "";
        var plausible = range.Parameter.Plausible;
        return plausible.Low == range.Low && plausible.High == range.High
            ? $", the catalogue's plausible range ({plausible.Source})"
            : ", the catalogue's plausible range when the analysis was first run";
    }

    /// <summary>The range as a manifest records it.</summary>
    public SensitivityParameter Recorded => new(Parameter.Name, Low, High, Basis.Key());

    /// <summary>
    /// The ranges a manifest recorded under <paramref name="key"/>, checked against today's catalogue as --param
    /// would check them: the recorded bounds are used (not today's plausible range, which may have moved), with
    /// the basis they were recorded with.
    /// </summary>
    public static IReadOnlyList<SensitivityRange>? FromRecorded(IReadOnlyList<SensitivityParameter> recorded, out IReadOnlyList<string> errors, string key)
    {
        var ranges = TryParse([.. recorded.Select(p => $"{p.Name}={Number(p.Low)}:{Number(p.High)}")], out errors, key);
        if (ranges is null) return null;
        var problems = new List<string>();
        var based = new List<SensitivityRange>();
        for (int i = 0; i < ranges.Count; i++)
        {
            if (RangeBases.Parse(recorded[i].Range) is { } basis) based.Add(ranges[i] with { Basis = basis });
            else problems.Add($"{key}[{i}].range '{recorded[i].Range}' is not {RangeBases.Keys}");
        }
        errors = problems;
        return problems.Count > 0 ? null : based;
    }

    /// <summary>A number as --param and the output files write it: the shortest text that reads back the same.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Reads the ranges from the texts of <paramref name="option"/> (--param unless told); on failure, every problem found, one line each.</summary>
    public static IReadOnlyList<SensitivityRange>? TryParse(IReadOnlyList<string> texts, out IReadOnlyList<string> errors, string option = "--param")
    {
        var problems = new List<string>();
        errors = problems;
        if (texts.Count == 0) problems.Add($"give at least one {option} {Form}");
        if (texts.Count > SensitivityLimits.MaxParameters) problems.Add($"{option} is given {texts.Count} times; at most {SensitivityLimits.MaxParameters} parameters are allowed");
        var ranges = new List<SensitivityRange>();
        foreach (var text in texts)
        {
            if (ParseOne(text, problems, option) is not { } range) continue;
            if (ranges.Any(r => r.Parameter.Name == range.Parameter.Name)) problems.Add($"{option} {range.Parameter.Name} is given twice; give each parameter once");
            else ranges.Add(range);
        }
        return problems.Count > 0 ? null : ranges;
    }

    private static SensitivityRange? ParseOne(string text, List<string> problems, string option)
    {
        int equals = text.IndexOf('=');
        string name = (equals < 0 ? text : text[..equals]).Trim();
        string[] parts = equals < 0 ? [] : text[(equals + 1)..].Split(':');
        if (name.Length == 0 || (equals >= 0 && parts.Length != 2))
        {
            problems.Add($"{option} '{text}' is not {Form}");
            return null;
        }
        if (!ParameterCatalog.TryGet(name, out var spec))
        {
            string? close = DidYouMean.Closest(name, ParameterCatalog.All.Select(p => p.Name));
            problems.Add($"{option} {text}: unknown parameter '{name}'; " + (close is null ? "see docs/MODEL.md, section 8, for the parameters" : $"did you mean '{close}'?"));
            return null;
        }
        if (equals < 0) return new SensitivityRange(spec, spec.Plausible.Low, spec.Plausible.High, RangeBasis.Plausible);
        int before = problems.Count;
        double low = Bound(text, "LOW", parts[0], spec, problems, option), high = Bound(text, "HIGH", parts[1], spec, problems, option);
        if (problems.Count > before) return null;
        if (low >= high)
        {
            problems.Add($"{option} {text}: LOW ({parts[0].Trim()}) must be below HIGH ({parts[1].Trim()})");
            return null;
        }
        return new SensitivityRange(spec, low, high);
    }

    private static double Bound(string text, string what, string part, ParameterSpec spec, List<string> problems, string option)
    {
        string trimmed = part.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !double.IsFinite(value))
        {
            problems.Add($"{option} {text}: {what} '{trimmed}' is not a number");
            return 0;
        }
        if (!spec.Allows(value))
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{option} {text}: {what} {trimmed} is outside the allowed range of {spec.Name}, [{spec.Min}, {spec.Max}] ({spec.Unit})"));
        return value;
    }
}
