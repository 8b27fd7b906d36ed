namespace FactFunctions.Programme;

/// <summary>A row of the Key milestones table: the milestone, and whether it is overdue on the paper's date.</summary>
public sealed record KeyMilestoneRow(MilestoneView Milestone, bool Overdue);
