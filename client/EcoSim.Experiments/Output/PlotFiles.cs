namespace EcoSim.Experiments.Output;

/// <summary>Every plot is written twice, as PNG and as SVG with the same name; this names the twins.</summary>
public static class PlotFiles
{
    /// <summary>The SVG written next to the PNG at <paramref name="pngPath"/>.</summary>
    /// <param name="pngPath">Path of a plot's PNG.</param>
    public static string SvgTwin(string pngPath) => Path.ChangeExtension(pngPath, ".svg");
}
