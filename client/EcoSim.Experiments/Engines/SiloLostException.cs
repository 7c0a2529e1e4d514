namespace EcoSim.Experiments.Engines;

/// <summary>The cluster declared a silo dead while a call of the run was waiting for an answer.</summary>
internal sealed class SiloLostException(string message) : Exception(message);
