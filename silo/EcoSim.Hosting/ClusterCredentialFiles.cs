using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace EcoSim.Hosting;

/// <summary>
/// The credentials folder of a cluster, as <c>scripts/cluster.sh</c> makes it (through the silo's
/// <c>new-credentials</c> command) and silos and clients read it: the Redis password, the cluster's
/// authority and one cluster certificate with its key, shared by every silo and client. The folder is
/// mode 700 and every file 600, and reading refuses files that others may read, as ssh does. The
/// authority's private key is thrown away once it has signed the cluster certificate, so nobody can
/// issue another certificate this cluster accepts.
/// </summary>
public static class ClusterCredentialFiles
{
    /// <summary>The Redis password (64 hex digits, no newline).</summary>
    public const string SecretFile = "secret";
    /// <summary>The cluster authority's certificate (PEM).</summary>
    public const string AuthorityFile = "ca.crt";
    /// <summary>The cluster certificate (PEM), valid for TLS server and client authentication.</summary>
    public const string CertificateFile = "cluster.crt";
    /// <summary>The cluster certificate's private key (PKCS#8 PEM).</summary>
    public const string KeyFile = "cluster.key";

    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OthersMayRead = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite;
    private static readonly TimeSpan Validity = TimeSpan.FromDays(5 * 365);

    /// <summary>
    /// Makes a new credentials folder: a random password and, with <paramref name="tls"/>, a new
    /// authority and cluster certificate named after <paramref name="clusterName"/>.
    /// </summary>
    /// <exception cref="ClusterSecurityException">The folder exists and is not empty.</exception>
    public static void Create(string folder, string clusterName, bool tls)
    {
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            throw new ClusterSecurityException($"credentials folder '{folder}' is not empty: credentials are never overwritten");
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, OwnerOnly | UnixFileMode.UserExecute);
        Write(folder, SecretFile, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        if (!tls) return;

        var notBefore = DateTimeOffset.UtcNow.AddHours(-1);
        using var authorityKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var authorityRequest = new CertificateRequest($"CN=EcoSim cluster authority {clusterName}", authorityKey, HashAlgorithmName.SHA256);
        authorityRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        authorityRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        authorityRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(authorityRequest.PublicKey, false));
        using var authority = authorityRequest.CreateSelfSigned(notBefore, notBefore + Validity);

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=EcoSim cluster {clusterName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid("1.3.6.1.5.5.7.3.1", "server authentication"), new Oid("1.3.6.1.5.5.7.3.2", "client authentication")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        using var certificate = request.Create(authority, notBefore, notBefore + Validity - TimeSpan.FromDays(1), RandomNumberGenerator.GetBytes(16));

        Write(folder, AuthorityFile, authority.ExportCertificatePem() + "\n");
        Write(folder, CertificateFile, certificate.ExportCertificatePem() + "\n");
        Write(folder, KeyFile, key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>
    /// Reads a credentials folder: the password is required, the certificate files come as a set of
    /// three or not at all (a cluster without TLS).
    /// </summary>
    /// <exception cref="ClusterSecurityException">The folder or its password is missing, a TLS file is missing or unreadable, or a file may be read by others.</exception>
    public static ClusterCredentials Read(string folder)
    {
        if (!Directory.Exists(folder)) throw new ClusterSecurityException($"credentials folder '{folder}' does not exist");
        string secret = ReadPrivate(folder, SecretFile)?.Trim()
            ?? throw new ClusterSecurityException($"credentials folder '{folder}' has no {SecretFile} file");
        string[] tlsFiles = [AuthorityFile, CertificateFile, KeyFile];
        int present = tlsFiles.Count(f => File.Exists(Path.Combine(folder, f)));
        if (present == 0) return new ClusterCredentials(secret, null, null);
        if (present < tlsFiles.Length)
            throw new ClusterSecurityException($"credentials folder '{folder}' has only some of {string.Join(", ", tlsFiles)}: TLS needs all three");
        foreach (string file in tlsFiles) ReadPrivate(folder, file);
        try
        {
            var authority = X509Certificate2.CreateFromPem(File.ReadAllText(Path.Combine(folder, AuthorityFile)));
            var certificate = X509Certificate2.CreateFromPemFile(Path.Combine(folder, CertificateFile), Path.Combine(folder, KeyFile));
            return new ClusterCredentials(secret, certificate, authority);
        }
        catch (CryptographicException e)
        {
            throw new ClusterSecurityException($"credentials folder '{folder}': the certificate files cannot be read ({e.Message})");
        }
    }

    private static void Write(string folder, string name, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnly;
        using var writer = new StreamWriter(Path.Combine(folder, name), System.Text.Encoding.ASCII, options);
        writer.Write(text);
    }

    /// <summary>The file's text, or null when it does not exist; refused when group or others may read or write it.</summary>
    private static string? ReadPrivate(string folder, string name)
    {
        string path = Path.Combine(folder, name);
        if (!File.Exists(path)) return null;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayRead) != 0)
            throw new ClusterSecurityException($"'{path}' may be read or written by others: make it private with 'chmod 600 {path}'");
        return File.ReadAllText(path);
    }
}
