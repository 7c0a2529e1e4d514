namespace EcoSim.Model.Inspection;

/// <summary>One named quantity of an agent's state.</summary>
/// <param name="Name">Field name, as in the model's state types.</param>
/// <param name="Value">The value, written exactly (doubles round-trip), so that engines can be compared as text.</param>
/// <param name="Unit">Unit or meaning of the value.</param>
public sealed record EntityField(string Name, string Value, string Unit);

/// <summary>An agent's state after a number of ticks.</summary>
/// <param name="Entity">Which agent.</param>
/// <param name="Description">What the agent is, in words (e.g. "national lab serving cluster 3").</param>
/// <param name="Ticks">Ticks run before the state was read.</param>
/// <param name="Fields">The state, field by field.</param>
public sealed record EntityState(EntityRef Entity, string Description, int Ticks, IReadOnlyList<EntityField> Fields);
