using SkiaSharp;

namespace EcoSim.Client.Tests;

/// <summary>Simple pixel counts over decoded PNGs.</summary>
internal static class PixelStats
{
    /// <summary>Pixels in rows [top, bottom) whose brightest channel is below 160 (text is black or dark grey on white).</summary>
    public static int DarkPixels(SKBitmap bitmap, int top, int bottom)
    {
        int count = 0;
        for (int y = top; y < bottom; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                SKColor c = bitmap.GetPixel(x, y);
                if (Math.Max(c.Red, Math.Max(c.Green, c.Blue)) < 160)
                    count++;
            }
        return count;
    }

    /// <summary>Pixels in the rectangle that differ between two images of the same size.</summary>
    public static int DifferingPixels(SKBitmap a, SKBitmap b, SKRectI region)
    {
        Assert.Equal(a.Width, b.Width);
        Assert.Equal(a.Height, b.Height);
        int count = 0;
        for (int y = region.Top; y < region.Bottom; y++)
            for (int x = region.Left; x < region.Right; x++)
                if (a.GetPixel(x, y) != b.GetPixel(x, y))
                    count++;
        return count;
    }

    public static int DistinctColors(SKBitmap bitmap)
    {
        var colors = new HashSet<SKColor>();
        for (int y = 0; y < bitmap.Height; y += 2)
            for (int x = 0; x < bitmap.Width; x += 2)
                colors.Add(bitmap.GetPixel(x, y));
        return colors.Count;
    }
}
