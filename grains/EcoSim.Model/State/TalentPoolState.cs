namespace EcoSim.Model.State;

/// <summary>One cluster's researcher market after clearing.</summary>
/// <param name="Cluster">Cluster index.</param>
/// <param name="Researchers">Researchers in the pool.</param>
/// <param name="Wage">Wage, thousand yuan/yr.</param>
/// <param name="FillRate">Share of wanted researchers that can be hired next tick, 0..1.</param>
/// <param name="Demand">Researchers wanted by firms and labs this tick.</param>
/// <param name="BaseResearchers">Researchers in the pool at the start (graduate flows scale with it).</param>
/// <param name="BaseLabFunding">Public research funding of the cluster at the start, bn yuan/yr.</param>
public sealed record TalentPoolState(int Cluster, double Researchers, double Wage, double FillRate, double Demand,
    double BaseResearchers, double BaseLabFunding);

/// <summary>Every pool's researchers and wage at the end of a tick: what migration compares.</summary>
/// <param name="Researchers">Researchers by cluster.</param>
/// <param name="Wages">Wages by cluster, thousand yuan/yr.</param>
public sealed record TalentSnapshot(double[] Researchers, double[] Wages);
