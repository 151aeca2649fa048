#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

// Asks for a room's passcode: which room, a hidden field, and after a refused try why (wrong
// passcode, too many tries, the room is locked). Enter submits (passcodeEntered); Cancel or
// closing it gives up (rejected). Stays open between tries: the window closes it once it is in.
class PasscodeDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PasscodeDialog(QWidget *parent = nullptr);

    void setRoom(const QString &room); // the room's name or address, for the question
    // Why the last try was refused (an error code of the join, e.g. wrong_passcode); empty: none
    // yet. Clears the field and makes it ready for the next try.
    void setRefusal(const QString &code);
    QString refusal() const { return m_refusal; }
    QString errorText() const;

    void accept() override;

Q_SIGNALS:
    void passcodeEntered(const QString &passcode);

private:
    QLabel *m_question = nullptr;
    QLineEdit *m_field = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_enter = nullptr;
    QString m_refusal;
};
