using EcoSim.Client.Cli;

namespace EcoSim.Integration.Tests;

/// <summary>Runs the ecosim program in-process, as a user would from the shell, capturing what it prints.</summary>
internal static class CliRunner
{
    public static async Task<(int Code, string Output, string Errors)> Ecosim(params string[] args)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        int code = await EcoSimCli.RunAsync(args, output, errors);
        return (code, output.ToString(), errors.ToString());
    }
}
