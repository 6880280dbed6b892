"""What erasing a customer (PIPL) wipes from the care records: the free text written about them.

Follow-up messages and comments, complaint descriptions and resolutions, progress entries and
remedy notes may hold health remarks or the customer's own words. The dates, categories,
scores and amounts stay, so the shop's care figures still add up (migration 13 lets only
these texts be emptied).
"""

from __future__ import annotations

from .models import Complaint, ComplaintProgress, ComplaintRemedy, Customer, FollowUpTask


def wipe_care_text(customer: Customer) -> None:
    """Inside the erasure's transaction: empty every care text about ``customer``."""
    FollowUpTask.update(message="", comment="").where(FollowUpTask.customer == customer).execute()
    theirs = Complaint.select(Complaint.id).where(Complaint.customer == customer)
    ComplaintProgress.update(text="").where(ComplaintProgress.complaint.in_(theirs)).execute()
    ComplaintRemedy.update(note="").where(ComplaintRemedy.complaint.in_(theirs)).execute()
    Complaint.update(description="", resolution="").where(Complaint.customer == customer).execute()
