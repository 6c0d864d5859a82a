from django.urls import path

from fairmatch.scheduling.views import agenda, board, organiser, resolve

app_name = "scheduling_admin"
urlpatterns = [
    path("", organiser.overview, name="overview"),
    path("sessions/", organiser.add_session, name="add_session"),
    path("sessions/<int:pk>/delete/", organiser.delete_session, name="delete_session"),
    path("tables/", organiser.add_tables, name="add_tables"),
    path("runs/", organiser.start_run, name="start_run"),
    path("runs/compare/", organiser.compare_runs, name="compare"),
    path("runs/<int:pk>/", organiser.run_detail, name="run"),
    path("runs/<int:pk>/apply/", resolve.apply_run, name="apply_run"),
    path("runs/<int:pk>/<str:action>/", organiser.run_action, name="run_action"),
    path("board/", board.board, name="board"),
    path("board/check/", board.check, name="board_check"),
    path("board/meetings/<int:pk>/", board.details, name="board_details"),
    path("board/undo/<int:pk>/", board.undo, name="board_undo"),
    path("meetings/move/", organiser.move, name="move"),
    path("meetings/swap/", organiser.swap, name="swap"),
    path(
        "meetings/manual-decisions/release/",
        resolve.release_all_decisions,
        name="release_all_decisions",
    ),
    path("meetings/<int:pk>/release-decision/", resolve.release_decision, name="release_decision"),
    path("meetings/<int:pk>/<str:action>/", organiser.edit_meeting, name="edit"),
    path("publish/", organiser.publish, name="publish"),
    path("releases/<int:number>/reset/", resolve.reset_to_release, name="reset"),
    path("absent/", organiser.absent, name="absent"),
    path("reschedule/", organiser.reschedule, name="reschedule"),
    path("print.pdf", agenda.print_all, name="print"),
    path(
        "participants/<int:pk>/calendar/",
        agenda.participant_feeds,
        name="participant_feeds",
    ),
]
