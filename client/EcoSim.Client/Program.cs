using EcoSim.Client.Cli;

return await EcoSimCli.RunAsync(args, Console.Out, Console.Error);
