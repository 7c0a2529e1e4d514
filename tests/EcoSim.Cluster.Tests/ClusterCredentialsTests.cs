using EcoSim.Hosting;

namespace EcoSim.Cluster.Tests;

/// <summary>The credentials folder: private files, a password, and a certificate that only its own cluster trusts.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes are Unix's; Windows has ACLs instead
public sealed class ClusterCredentialsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "ecosim-credentials-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_new_folder_holds_a_random_password_and_a_certificate_all_private()
    {
        string folder = Path.Combine(_root, "a");
        ClusterCredentialFiles.Create(folder, "a", tls: true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        foreach (string file in Directory.GetFiles(folder))
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        var credentials = ClusterCredentialFiles.Read(folder);
        Assert.Matches("^[0-9a-f]{64}$", credentials.Secret);
        Assert.True(credentials.UsesTls);
        Assert.True(credentials.Certificate!.HasPrivateKey);
        Assert.True(credentials.Trusts(credentials.Certificate));
    }

    [Fact]
    public void Another_clusters_certificate_and_password_are_not_this_ones()
    {
        ClusterCredentialFiles.Create(Path.Combine(_root, "ours"), "ours", tls: true);
        ClusterCredentialFiles.Create(Path.Combine(_root, "theirs"), "theirs", tls: true);
        var ours = ClusterCredentialFiles.Read(Path.Combine(_root, "ours"));
        var theirs = ClusterCredentialFiles.Read(Path.Combine(_root, "theirs"));

        Assert.False(ours.Trusts(theirs.Certificate!));
        Assert.False(ours.Trusts(theirs.Authority!));
        Assert.NotEqual(ours.Secret, theirs.Secret);
        Assert.False(ClusterCredentials.None.Trusts(ours.Certificate!));
    }

    [Fact]
    public void Without_tls_the_folder_holds_only_the_password()
    {
        string folder = Path.Combine(_root, "plain");
        ClusterCredentialFiles.Create(folder, "plain", tls: false);
        Assert.Equal([ClusterCredentialFiles.SecretFile], Directory.GetFiles(folder).Select(Path.GetFileName));
        var credentials = ClusterCredentialFiles.Read(folder);
        Assert.False(credentials.UsesTls);
        Assert.NotNull(credentials.Secret);
    }

    [Fact]
    public void A_file_that_others_may_read_is_refused_with_the_fix()
    {
        string folder = Path.Combine(_root, "open");
        ClusterCredentialFiles.Create(folder, "open", tls: true);
        string key = Path.Combine(folder, ClusterCredentialFiles.KeyFile);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
        var error = Assert.Throws<ClusterSecurityException>(() => ClusterCredentialFiles.Read(folder));
        Assert.Contains($"chmod 600 {key}", error.Message);
    }

    [Fact]
    public void Credentials_are_never_overwritten_and_an_incomplete_set_is_refused()
    {
        string folder = Path.Combine(_root, "once");
        ClusterCredentialFiles.Create(folder, "once", tls: true);
        string before = File.ReadAllText(Path.Combine(folder, ClusterCredentialFiles.SecretFile));
        Assert.Throws<ClusterSecurityException>(() => ClusterCredentialFiles.Create(folder, "once", tls: true));
        Assert.Equal(before, File.ReadAllText(Path.Combine(folder, ClusterCredentialFiles.SecretFile)));

        File.Delete(Path.Combine(folder, ClusterCredentialFiles.AuthorityFile));
        var error = Assert.Throws<ClusterSecurityException>(() => ClusterCredentialFiles.Read(folder));
        Assert.Contains("TLS needs all three", error.Message);
        Assert.Throws<ClusterSecurityException>(() => ClusterCredentialFiles.Read(Path.Combine(_root, "nowhere")));
    }

    [Fact]
    public void A_refusal_prints_as_its_own_message_whatever_revealed_it()
    {
        var refusal = new ClusterSecurityException("the cluster refused this client", new InvalidOperationException("Connection terminated prematurely"));
        Assert.Same(refusal, refusal.GetBaseException());
        Assert.NotNull(refusal.InnerException);
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
