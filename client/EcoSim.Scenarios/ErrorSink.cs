using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace EcoSim.Scenarios;

/// <summary>Collects errors for one file.</summary>
internal sealed class ErrorSink(string file)
{
    public string File { get; } = file;
    public List<ScenarioError> Errors { get; } = [];
    public bool Any => Errors.Count > 0;

    public void At(YamlNode? node, string key, string message) =>
        Errors.Add(new ScenarioError(File, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, key, message));

    public void At(Mark mark, string key, string message) => Errors.Add(new ScenarioError(File, (int)mark.Line, (int)mark.Column, key, message));

    public void File_(string message) => Errors.Add(new ScenarioError(File, 0, 0, "", message));
}

/// <summary>
/// The error sinks of every file read for one scenario, in the order the files were met (the scenario
/// first, then what it extends, in chain order); thrown together, in file order.
/// </summary>
internal sealed class ScenarioErrors
{
    private readonly List<ErrorSink> _sinks = [];

    public bool Any => _sinks.Any(s => s.Any);

    /// <summary>A new sink for the next file of the chain.</summary>
    public ErrorSink For(string shownPath)
    {
        var sink = new ErrorSink(shownPath);
        _sinks.Add(sink);
        return sink;
    }

    /// <summary>Throws every error of every file, sorted by file (chain order), line and column, if there is any.</summary>
    /// <exception cref="ScenarioException">Some file has an error.</exception>
    public void ThrowIfAny()
    {
        if (!Any) return;
        var ordered = _sinks.SelectMany((sink, order) => sink.Errors.Select(error => (Order: order, Error: error)))
            .OrderBy(x => x.Order).ThenBy(x => x.Error.Line).ThenBy(x => x.Error.Column)
            .Select(x => x.Error);
        throw new ScenarioException([.. ordered]);
    }
}
