using System.Text.Json;
using System.Text.Json.Serialization;

namespace EcoSim.Explorer;

/// <summary>
/// How the explorer's HTTP API writes and reads JSON: the web defaults (camelCase names) with enums as camelCase
/// strings, so a run's status reads "running" rather than a number a browser would have to decode. One definition
/// for the server and for every client of the API (the page's tests, the cluster tests), so they cannot drift apart.
/// </summary>
public static class ExplorerJson
{
    /// <summary>A ready set of options, for clients of the API.</summary>
    public static JsonSerializerOptions Options { get; } = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Adds the explorer's settings to options the host already made (ASP.NET Core's own for minimal APIs).</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}
