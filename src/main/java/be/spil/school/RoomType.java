package be.spil.school;

/** What a room is used for. */
public enum RoomType { CLASSROOM, COMPUTER_ROOM, OFFICE, STORAGE, OTHER }
