namespace EcoSim.Model.Tests.Support;

/// <summary>A fresh folder under the system temp folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("ecosim-tests-").FullName;

    public string Path { get; }

    /// <summary>Writes a UTF-8 (no BOM) text file and returns its full path.</summary>
    public string Write(string name, string text) => WriteBytes(name, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes raw bytes and returns the file's full path.</summary>
    public string WriteBytes(string name, byte[] bytes)
    {
        string full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
    }
}
