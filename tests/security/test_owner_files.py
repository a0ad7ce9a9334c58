"""The applicant sees the files they handed in and their signed result, never the officers'
working papers (`dossiers.access.file_visible_to`): not as a link on their dossier's page, not
in the API's answer, and the file view answers 404."""



def _working_url(scene) -> str:
    return f"/tep/{scene.dossier('processing').code}/{scene.extra['working_file_id']}/"


def test_the_officers_working_paper_is_not_listed_on_the_owners_page(scene, as_actor):
    owner = as_actor("owner")
    page = owner.get(f"/ho-so/{scene.dossier('processing').code}/").content.decode()
    mine = owner.get(f"/ho-so/{scene.dossier('submitted_with_file').code}/").content.decode()

    assert _working_url(scene) not in page
    assert owner.get(_working_url(scene)).status_code == 404
    # The control: what the owner handed in is listed.
    code = scene.dossier("submitted_with_file").code
    assert f"/tep/{code}/{scene.submitted_file_id}/" in mine


def test_staff_open_the_working_paper(scene, as_actor):
    assert as_actor("specialist").get(_working_url(scene)).status_code == 200


def test_the_api_does_not_list_the_working_paper_to_the_owner(scene, as_actor):
    dossier = scene.dossier("processing")
    answer = as_actor("owner").get(f"/api/v1/dossiers/{dossier.pk}").json()
    assert scene.extra["working_file_id"] not in [f["id"] for f in answer["files"]]
    staff = as_actor("specialist").get(f"/api/v1/dossiers/{dossier.pk}").json()
    assert scene.extra["working_file_id"] in [f["id"] for f in staff["files"]]
