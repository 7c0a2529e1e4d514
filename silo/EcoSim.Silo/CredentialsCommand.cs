using EcoSim.Hosting;

namespace EcoSim.Silo;

/// <summary>
/// <c>new-credentials FOLDER NAME [--no-tls]</c>: makes a cluster's credentials folder (a random Redis
/// password and, unless <c>--no-tls</c>, a cluster authority and certificate). scripts/cluster.sh runs it
/// with the silo it is about to start, so the certificates come from the same code that checks them.
/// Prints nothing secret.
/// </summary>
internal static class CredentialsCommand
{
    private const string Usage = "usage: EcoSim.Silo new-credentials FOLDER NAME [--no-tls]";

    public static int Run(string[] args, TextWriter errors)
    {
        bool tls = !args.Contains("--no-tls");
        string[] words = [.. args.Where(a => a != "--no-tls")];
        if (words.Length != 2 || words.Any(w => w.StartsWith('-')))
        {
            errors.WriteLine(Usage);
            return 2;
        }
        try { ClusterCredentialFiles.Create(words[0], words[1], tls); }
        catch (ClusterSecurityException e)
        {
            errors.WriteLine($"EcoSim silo: error: {e.Message}");
            return 2;
        }
        return 0;
    }
}
