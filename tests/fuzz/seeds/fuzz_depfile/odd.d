a.o: a.cpp
b.o:

: x
c.o: c\\d.h C:\\win\\e.h
