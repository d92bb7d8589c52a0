"""Jobs: heavy work (imports, refreshes, open-data builds) out of the request.

django-tasks with the django-tasks-db backend is the queue; a Job row is the status a
user follows (in de wachtrij → bezig → klaar / mislukt), with attempts and the last error.
"""
