"""`make bench`: the site under load with 1,000 posts, measured against a reference view."""
