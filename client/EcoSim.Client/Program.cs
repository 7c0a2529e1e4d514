using EcoSim.Client.Cli;
using EcoSim.Experiments.Engines;

// One command, then the process exits: its embedded silo ends with it, after the command has written its output.
EmbeddedSiloLifetime.EndWithProcess();
return await EcoSimCli.RunAsync(args, Console.Out, Console.Error);
