using ScottPlot;

namespace EcoSim.Experiments.Output;

/// <summary>A panel under the plot that draws one line of small grey text at the figure's lower left.</summary>
internal sealed class CaptionPanel(string text) : IPanel
{
    private const float Padding = 4;

    public bool IsVisible { get; set; } = true;
    public Edge Edge => Edge.Bottom;
    public bool ShowDebugInformation { get; set; }
    public float MinimumSize { get; set; }
    public float MaximumSize { get; set; } = float.MaxValue;

    /// <summary>The caption's text style.</summary>
    public LabelStyle Label { get; } = new()
    {
        Text = text,
        FontName = PlotFonts.Family,
        FontSize = 10,
        Bold = false,
        ForeColor = Colors.DimGray,
        Alignment = Alignment.LowerLeft,
        Rotation = 0,
    };

    public float Measure(Paint paint) =>
        IsVisible && !string.IsNullOrWhiteSpace(Label.Text) ? Label.Measure(Label.Text, paint).Height + 2 * Padding : 0;

    public PixelRect GetPanelRect(PixelRect dataRect, float size, float offset, Paint paint) =>
        new(left: dataRect.Left, right: dataRect.Right, bottom: dataRect.Bottom + offset + size, top: dataRect.Bottom + offset);

    public void Render(RenderPack rp, float size, float offset)
    {
        if (!IsVisible)
            return;
        PixelRect rect = GetPanelRect(rp.DataRect, size, offset, rp.Paint);
        Label.Render(rp.Canvas, new Pixel(rp.FigureRect.Left + 2 * Padding, rect.Bottom - Padding), rp.Paint);
    }
}
