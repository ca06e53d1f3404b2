CREATE TABLE broken (
