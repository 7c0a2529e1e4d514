using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using EcoSim.Scenarios;

namespace EcoSim.Explorer.Library;

/// <summary>A number of an event lever as the page shows it: the scenario language's key with its range and unit.</summary>
/// <param name="Name">The key, e.g. <c>buildYears</c>.</param>
/// <param name="Label">A short label for the control.</param>
/// <param name="Description">What it means.</param>
/// <param name="Unit">Its unit.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Default">What the page proposes.</param>
/// <param name="SliderMin">The slider's lower end.</param>
/// <param name="SliderMax">The slider's upper end (any allowed value may be typed).</param>
public sealed record EventFieldInfo(string Name, string Label, string Description, string Unit, double Min, double Max, double Default, double SliderMin, double SliderMax)
{
    /// <summary>The field of <paramref name="key"/> with the page's label, proposal and slider end.</summary>
    public static EventFieldInfo Of(EventNumberKey key, string label, double proposed, double sliderMax) =>
        new(key.Name, label, key.Description, key.Unit, key.Min, key.Max, proposed, key.Min, Math.Min(key.Max, sliderMax));
}

/// <summary>
/// Events a request asks for (large facilities, talent programmes), checked by the scenario loader itself: they are
/// written as the events of a scenario file that extends the run's own (the file <see cref="RunScenarioFile"/> writes to
/// reproduce the run holds the same events), the file is loaded, and the loader's errors are given back under the
/// request's field names. So the explorer has no rules of its own for an event that could drift from the language's.
/// </summary>
public static partial class RequestedEvents
{
    private const string CheckFile = "explorer-events.yaml";

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A text as a quoted scalar of a scenario file, so nothing in it can become a key of the file.</summary>
    public static string Quote(string text) => JsonSerializer.Serialize(text, Quoting);

    /// <summary>A number as a scenario file writes it, exactly.</summary>
    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Loads <paramref name="source"/> extended by <paramref name="events"/> (items of an <c>events:</c> list) and returns
    /// the world, or null with the loader's errors added to <paramref name="problems"/>, each named by the request's field.
    /// </summary>
    /// <param name="source">The scenario the run started from.</param>
    /// <param name="events">The events, as YAML list items.</param>
    /// <param name="asked">The request's index of each event written, in order.</param>
    /// <param name="eventKey">The events' key in the language, e.g. <c>facility</c>.</param>
    /// <param name="field">The request's field holding them, e.g. <c>facilities</c>.</param>
    /// <param name="problems">Where problems are added.</param>
    public static Scenario? Load(Scenario source, string events, IReadOnlyList<int> asked, string eventKey, string field, List<InputProblem> problems)
    {
        string text = $"name: explorer-events\ndescription: events asked for in the explorer\nextends: {Path.GetFileName(source.Sources[0].Path)}\nevents:\n{events}";
        try
        {
            return ScenarioLoader.LoadTexts(CheckFile, [new(CheckFile, text), .. source.Sources.Select(s => new ScenarioSource(Path.GetFileName(s.Path), s.Text))]);
        }
        catch (ScenarioException e)
        {
            foreach (var error in e.Errors) problems.Add(ProblemOf(error, asked, eventKey, field));
            return null;
        }
    }

    // The loader names an event's key by its place in the file (events[2].facility.buildYears); the request by its own.
    private static InputProblem ProblemOf(ScenarioError error, IReadOnlyList<int> asked, string eventKey, string field)
    {
        if (error.File == CheckFile && EventPath().Match(error.Key) is { Success: true } match && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) is int n && n < asked.Count)
        {
            string at = $"{field}[{asked[n]}]";
            string key = match.Groups[2].Value == eventKey ? match.Groups[3].Value : match.Groups[2].Value;
            return new(key.Length == 0 ? at : key == "at" ? $"{at}.from" : $"{at}.{key}", error.Message);
        }
        return new(field, error.Message);
    }

    [GeneratedRegex(@"^events\[(\d+)\](?:\.(\w+))?(?:\.(\w+))?")]
    private static partial Regex EventPath();
}
