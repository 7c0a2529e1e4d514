using System.Net;

namespace EcoSim.Experiments.Report;

/// <summary>HTML escaping. Every piece of text that reaches a report goes through <see cref="Escape"/>.</summary>
internal static class Html
{
    /// <summary><paramref name="text"/> safe as element content and as a quoted attribute value (&lt; &gt; &amp; " ' escaped).</summary>
    public static string Escape(string text) => WebUtility.HtmlEncode(text);
}
