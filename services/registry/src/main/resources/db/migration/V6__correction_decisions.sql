-- An officer's decision on a citizen's correction request.
alter table correction_request add column decided_by text;
alter table correction_request add column decision_note text check (decision_note is nfc normalized);
