using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace EcoSim.Client.Tests;

/// <summary>Checks every report must pass: well formed, self-contained, no script.</summary>
internal static partial class ReportChecks
{
    /// <summary>Parses the report as XML (it is written as well-formed XHTML-style HTML) and returns the document.</summary>
    public static XDocument Parse(string html)
    {
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        return XDocument.Parse(html["<!DOCTYPE html>".Length..]);
    }

    /// <summary>No script, no style sheet or image from elsewhere: every src and href is a data URI or an anchor in the file.</summary>
    public static void AssertSelfContained(XDocument document)
    {
        Assert.DoesNotContain(document.Descendants(), e => e.Name.LocalName is "script" or "link" or "iframe" or "object" or "embed");
        foreach (var attribute in document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" or "srcset" or "action"))
            Assert.True(attribute.Value.StartsWith("data:image/", StringComparison.Ordinal) || attribute.Value.StartsWith('#'),
                $"external reference {attribute.Name}=\"{attribute.Value[..Math.Min(80, attribute.Value.Length)]}\"");
        Assert.DoesNotMatch(UrlInStyle(), string.Concat(document.Descendants("style").Select(s => s.Value)));
    }

    /// <summary>The images embedded in the report.</summary>
    public static IReadOnlyList<string> ImageSources(XDocument document) =>
        [.. document.Descendants("img").Select(i => (string)i.Attribute("src")!)];

    /// <summary>The text of the section with the given id.</summary>
    public static string SectionText(XDocument document, string id) =>
        document.Descendants("section").Single(s => (string?)s.Attribute("id") == id).Value;

    [GeneratedRegex(@"url\(|@import", RegexOptions.IgnoreCase)]
    private static partial Regex UrlInStyle();
}
