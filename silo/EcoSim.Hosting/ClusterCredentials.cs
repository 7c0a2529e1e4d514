using System.Security.Cryptography.X509Certificates;

namespace EcoSim.Hosting;

/// <summary>
/// What lets a silo or client into a cluster: the password of the Redis membership store and the
/// cluster certificate with the authority that issued it (mutual TLS on silo and gateway connections).
/// Read from a folder (see <see cref="ClusterCredentialFiles"/>) so that nothing secret is ever on a
/// command line, where <c>ps</c> shows it; <see cref="SecretVariable"/> may carry the password instead.
/// </summary>
/// <param name="Secret">Password of the Redis user <see cref="RedisUser"/>, or null for a Redis without one.</param>
/// <param name="Certificate">This process's cluster certificate with its private key, or null for no TLS.</param>
/// <param name="Authority">The cluster's own authority: the only issuer whose certificates a peer accepts.</param>
public sealed record ClusterCredentials(string? Secret, X509Certificate2? Certificate, X509Certificate2? Authority)
{
    /// <summary>Environment variable that may hold the Redis password itself (it wins over the folder's file).</summary>
    public const string SecretVariable = "ECOSIM_CLUSTER_SECRET";
    /// <summary>Environment variable naming the credentials folder for the client when <c>--cluster-credentials</c> is not given.</summary>
    public const string FolderVariable = "ECOSIM_CLUSTER_CREDENTIALS";
    /// <summary>The Redis ACL user that scripts/cluster.sh creates; Redis' default user is switched off.</summary>
    public const string RedisUser = "ecosim";

    /// <summary>No password, no TLS: a loopback cluster as it was before credentials.</summary>
    public static ClusterCredentials None { get; } = new(null, null, null);

    /// <summary>Whether silo and gateway connections use mutual TLS.</summary>
    public bool UsesTls => Certificate is not null && Authority is not null;

    /// <summary>
    /// The credentials named by <paramref name="options"/> (<see cref="EcoSimClusterOptions.Credentials"/>,
    /// with the password from <see cref="SecretVariable"/> when set); <see cref="None"/> when neither names any.
    /// </summary>
    /// <exception cref="ClusterSecurityException">The folder is missing, incomplete or readable by others.</exception>
    public static ClusterCredentials For(EcoSimClusterOptions options)
    {
        var stored = options.Credentials is { Length: > 0 } folder ? ClusterCredentialFiles.Read(folder) : None;
        return Environment.GetEnvironmentVariable(SecretVariable) is { Length: > 0 } secret ? stored with { Secret = secret } : stored;
    }

    /// <summary>
    /// Whether <paramref name="remote"/> was issued by this cluster's authority: a chain built with that
    /// authority as the only trusted root (the machine's roots play no part, and the host name does not
    /// matter, since silos are reached by address).
    /// </summary>
    public bool Trusts(X509Certificate2 remote)
    {
        if (Authority is null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(Authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.NoFlag;
        return chain.Build(remote) && chain.ChainElements[^1].Certificate.Thumbprint == Authority.Thumbprint;
    }
}
