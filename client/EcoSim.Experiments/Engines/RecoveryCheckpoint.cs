namespace EcoSim.Experiments.Engines;

/// <summary>
/// The newest checkpoint a run on a cluster stored in the cluster's store (<see cref="StoredCheckpoints"/>), so that a
/// run that loses a silo continues from it on the silos left instead of from tick 0. The client keeps only its tick:
/// the parts are in the store, written and read by grains of the cluster, and the record there lists them with their
/// hashes. Its parts are those of a checkpoint file of the same tick.
/// </summary>
/// <param name="Tick">Ticks done when it was taken.</param>
internal sealed record RecoveryCheckpoint(int Tick);
