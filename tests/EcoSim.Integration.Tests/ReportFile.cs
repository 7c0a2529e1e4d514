using System.Xml.Linq;

namespace EcoSim.Integration.Tests;

/// <summary>An output folder's report.html, read as XML, with the checks every report must pass.</summary>
internal sealed class ReportFile
{
    private readonly XDocument _document;

    public ReportFile(string folder)
    {
        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        _document = XDocument.Parse(html["<!DOCTYPE html>".Length..]);
    }

    /// <summary>The text of the section with the given id.</summary>
    public string Section(string id) => _document.Descendants("section").Single(s => (string?)s.Attribute("id") == id).Value;

    /// <summary>The section ids, in order.</summary>
    public IReadOnlyList<string?> SectionIds => [.. _document.Descendants("section").Select(s => (string?)s.Attribute("id"))];

    /// <summary>The embedded images' sources.</summary>
    public IReadOnlyList<string> Images => [.. _document.Descendants("img").Select(i => (string)i.Attribute("src")!)];

    /// <summary>No script and nothing fetched from elsewhere: every src and href is a data URI or an anchor.</summary>
    public void AssertSelfContained()
    {
        Assert.DoesNotContain(_document.Descendants(), e => e.Name.LocalName is "script" or "link" or "iframe" or "object" or "embed");
        Assert.All(_document.Descendants().Attributes().Where(a => a.Name.LocalName is "src" or "href" or "srcset"),
            a => Assert.True(a.Value.StartsWith("data:image/", StringComparison.Ordinal) || a.Value.StartsWith('#'), a.Value[..Math.Min(60, a.Value.Length)]));
        Assert.DoesNotContain("url(", string.Concat(_document.Descendants("style").Select(s => s.Value)), StringComparison.OrdinalIgnoreCase);
    }
}
