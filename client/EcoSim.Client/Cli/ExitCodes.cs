namespace EcoSim.Client.Cli;

/// <summary>Process exit codes of the ecosim command.</summary>
internal static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;
    /// <summary>The run failed while running (a bug or a broken cluster).</summary>
    public const int Failed = 1;
    /// <summary>Bad input: command line, scenario file or output folder. Nothing was written.</summary>
    public const int BadInput = 2;
    /// <summary><c>reproduce</c> ran, but a data file differs from the one its manifest records.</summary>
    public const int NotReproduced = 3;
    /// <summary><c>check-model</c> ran and wrote its report, but a stylized fact does not hold.</summary>
    public const int FactFailed = 4;
    /// <summary>Stopped by Ctrl-C. Nothing was written.</summary>
    public const int Interrupted = 130;
}
