using System.Xml.Linq;
using EcoSim.Experiments.Output;

namespace EcoSim.Client.Tests;

/// <summary>The SVG twin of every plot: its size, its text (title, axis labels, legend, caption) and fonts a viewer has.</summary>
public sealed class PlotSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Every_plot_has_an_svg_twin_of_the_same_size_with_its_title_labels_legend_and_caption_as_text()
    {
        using var temp = new TempFolder();
        string caption = RunPlots.Caption("baseline", 42, new DateTime(2025, 1, 1));
        IReadOnlyList<string> written = RunPlots.WriteAll(SampleRows.Create(), temp.Path, caption);

        foreach (string png in written)
        {
            var svg = XDocument.Load(PlotFiles.SvgTwin(png));
            var texts = svg.Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
            bool grid = Path.GetFileName(png).StartsWith("cluster-grid-", StringComparison.Ordinal);
            var (width, height) = grid ? SmallMultiples.Size(SampleRows.Clusters) : (RunPlots.Width, RunPlots.Height);
            Assert.Equal(width.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)svg.Root!.Attribute("width"));
            Assert.Equal(height.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)svg.Root!.Attribute("height"));
            Assert.Contains(caption, texts);
            Assert.Contains("Year", texts);
            Assert.Contains(texts, t => t.Contains("bn yuan/yr", StringComparison.Ordinal) || t.Contains("index", StringComparison.Ordinal)
                                        || t.Contains("count", StringComparison.Ordinal) || t.Contains("headcount", StringComparison.Ordinal)
                                        || t.Contains("share", StringComparison.Ordinal));
            Assert.True(texts.Count > 20, $"{png}: only {texts.Count} text elements");
        }
        var knowledge = XDocument.Load(Path.Combine(temp.Path, "knowledge.svg")).Descendants(Svg + "text").Select(t => t.Value.Trim()).ToList();
        Assert.Contains("Basic knowledge (region)", knowledge);
        Assert.Contains("Basic-knowledge stock", knowledge); // legend
        Assert.Contains("index, 2023 region = 100", knowledge); // y-axis label with unit
    }

    [Fact]
    public void Svg_text_names_a_font_family_that_falls_back_to_a_generic_sans_serif()
    {
        using var temp = new TempFolder();
        RunPlots.WriteAll(SampleRows.Create(4), temp.Path, "caption");

        foreach (string file in Directory.GetFiles(temp.Path, "*.svg"))
        {
            var families = XDocument.Load(file).Descendants(Svg + "text").Select(t => (string?)t.Attribute("font-family")).ToList();
            Assert.NotEmpty(families);
            Assert.All(families, f => Assert.Matches("^DejaVu Sans, .*sans-serif$", f));
            Assert.DoesNotContain(PlotFonts.Family, File.ReadAllText(file), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_plot_drawn_again_in_the_same_process_has_the_same_svg_bytes()
    {
        using var temp = new TempFolder();
        string caption = RunPlots.Caption("baseline", 42, new DateTime(2025, 1, 1));
        var rows = SampleRows.Create();
        var first = RunPlots.WriteAll(rows, temp.Combine("first"), caption);
        var second = RunPlots.WriteAll(rows, temp.Combine("second"), caption);

        foreach (var (a, b) in first.Zip(second))
            Assert.Equal(File.ReadAllBytes(PlotFiles.SvgTwin(a)), File.ReadAllBytes(PlotFiles.SvgTwin(b)));
        Assert.Contains("clip-path=\"url(#cl_0)\"", File.ReadAllText(PlotFiles.SvgTwin(second[0])));
    }

    [Fact]
    public void Clip_path_ids_are_numbered_from_zero_in_order_of_first_use()
    {
        Assert.Equal("<clipPath id=\"cl_0\"/><g clip-path=\"url(#cl_0)\"/><clipPath id=\"cl_1\"/><g clip-path=\"url(#cl_1)\"/><text>cl_9</text>",
            SvgFile.WithStableIds("<clipPath id=\"cl_14b\"/><g clip-path=\"url(#cl_14b)\"/><clipPath id=\"cl_a\"/><g clip-path=\"url(#cl_a)\"/><text>cl_9</text>"));
    }

    [Fact]
    public void Portable_fonts_leave_families_that_already_fall_back_alone()
    {
        Assert.Equal("<text font-family=\"Arial, sans-serif\">", SvgFile.WithPortableFonts("<text font-family=\"Arial, sans-serif\">"));
        Assert.Equal($"<text font-family=\"DejaVu Sans, {SvgFile.Fallbacks}\">", SvgFile.WithPortableFonts("<text font-family=\"DejaVu Sans\">"));
    }
}
